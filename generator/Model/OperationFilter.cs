using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace ClientGen.Generator.Model;

/// <summary>
/// Which operations of a spec to generate, from the AdditionalFiles item's metadata (<c>ClientGenIncludeTags</c>,
/// <c>ClientGenIncludePaths</c>, <c>ClientGenIncludeOperations</c> and their <c>Exclude</c> twins): the conventions of
/// Refitter's <c>includeTags</c> and Kiota's <c>--include-path</c>. An operation is kept when no include is given or
/// it matches one (a tag, a path pattern or its operationId), and it matches no exclude. Tags and operationIds compare
/// case-insensitively. A path pattern is the spec's path template with <c>*</c> for one segment's text and <c>**</c>
/// for any number of segments, optionally followed by <c>#GET</c> (or <c>#GET|POST</c>) to name methods.
/// </summary>
public sealed record OperationFilter(
    EquatableArray<string> IncludeTags,
    EquatableArray<string> ExcludeTags,
    EquatableArray<string> IncludePaths,
    EquatableArray<string> ExcludePaths,
    EquatableArray<string> IncludeOperations,
    EquatableArray<string> ExcludeOperations)
{
    public static readonly OperationFilter None = new(
        EquatableArray<string>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty,
        EquatableArray<string>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty);

    public bool IsEmpty => this == None;

    private bool HasIncludes => IncludeTags.Count + IncludePaths.Count + IncludeOperations.Count > 0;

    /// <summary>Reads the metadata values: tags and operationIds split on <c>;</c> and <c>,</c>, paths on <c>;</c> (a method list may hold commas).</summary>
    public static OperationFilter From(string? includeTags, string? excludeTags, string? includePaths, string? excludePaths, string? includeOperations, string? excludeOperations) =>
        new(List(includeTags, ';', ','), List(excludeTags, ';', ','), List(includePaths, ';'), List(excludePaths, ';'), List(includeOperations, ';', ','), List(excludeOperations, ';', ','));

    private static EquatableArray<string> List(string? value, params char[] separators) =>
        (value ?? string.Empty).Split(separators).Select(v => v.Trim()).Where(v => v.Length > 0).ToEquatableArray();

    public bool Keeps(OperationIdentity operation) =>
        (!HasIncludes || Matches(operation, IncludeTags, IncludePaths, IncludeOperations)) && !Matches(operation, ExcludeTags, ExcludePaths, ExcludeOperations);

    private static bool Matches(OperationIdentity operation, EquatableArray<string> tags, EquatableArray<string> paths, EquatableArray<string> ids) =>
        tags.Any(t => operation.Tags.Contains(t, StringComparer.OrdinalIgnoreCase))
        || paths.Any(p => PathMatches(p, operation.Path, operation.Method))
        || ids.Any(i => string.Equals(i, operation.OperationId, StringComparison.OrdinalIgnoreCase));

    /// <summary>Every entry no operation matches, with the metadata it came from: a misspelt tag is otherwise a silently empty client.</summary>
    public IEnumerable<(string Metadata, string Entry)> Unmatched(IReadOnlyList<OperationIdentity> operations)
    {
        foreach (var (metadata, entries, test) in Entries())
        {
            foreach (var entry in entries)
            {
                if (!operations.Any(o => test(entry, o))) yield return (metadata, entry);
            }
        }
    }

    private IEnumerable<(string, EquatableArray<string>, Func<string, OperationIdentity, bool>)> Entries()
    {
        Func<string, OperationIdentity, bool> tag = (t, o) => o.Tags.Contains(t, StringComparer.OrdinalIgnoreCase);
        Func<string, OperationIdentity, bool> path = (p, o) => PathMatches(p, o.Path, o.Method);
        Func<string, OperationIdentity, bool> id = (i, o) => string.Equals(i, o.OperationId, StringComparison.OrdinalIgnoreCase);
        yield return ("ClientGenIncludeTags", IncludeTags, tag);
        yield return ("ClientGenExcludeTags", ExcludeTags, tag);
        yield return ("ClientGenIncludePaths", IncludePaths, path);
        yield return ("ClientGenExcludePaths", ExcludePaths, path);
        yield return ("ClientGenIncludeOperations", IncludeOperations, id);
        yield return ("ClientGenExcludeOperations", ExcludeOperations, id);
    }

    private static bool PathMatches(string pattern, string path, string method)
    {
        var hash = pattern.IndexOf('#');
        if (hash >= 0)
        {
            var methods = pattern.Substring(hash + 1).Split('|', ',').Select(m => m.Trim());
            if (!methods.Contains(method, StringComparer.OrdinalIgnoreCase)) return false;
            pattern = pattern.Substring(0, hash);
        }
        var regex = "^" + string.Join("/", pattern.Trim().TrimEnd('/').Split('/').Select(Segment)) + "/?$";
        return Regex.IsMatch(path.TrimEnd('/'), regex.Replace("/(?:.*)", "(?:/.*)?"), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    // "**" is any number of segments; "*" any text within one; the rest is literal ("{id}" matches the template's own "{id}").
    private static string Segment(string segment) =>
        segment == "**" ? "(?:.*)" : string.Join("[^/]*", segment.Split('*').Select(Regex.Escape));
}

/// <summary>What a filter looks at in an operation.</summary>
public sealed record OperationIdentity(string Path, string Method, IReadOnlyList<string> Tags, string? OperationId);
