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

    public bool Keeps(OperationIdentity operation)
    {
        var lists = Lists();
        return (!HasIncludes || lists.Any(l => l.Include && l.Entries.Any(e => l.Test(e, operation))))
            && !lists.Any(l => !l.Include && l.Entries.Any(e => l.Test(e, operation)));
    }

    /// <summary>Every entry no operation matches, with the metadata it came from: a misspelt tag is otherwise a silently empty client.</summary>
    public IEnumerable<(string Metadata, string Entry)> Unmatched(IReadOnlyList<OperationIdentity> operations) =>
        Lists().SelectMany(l => l.Entries.Where(e => !operations.Any(o => l.Test(e, o))).Select(e => (l.Metadata, e)));

    // The six lists with the metadata they come from and how an entry matches: the one place that says so.
    private (string Metadata, bool Include, EquatableArray<string> Entries, Func<string, OperationIdentity, bool> Test)[] Lists() => new[]
    {
        ("ClientGenIncludeTags", true, IncludeTags, s_tag),
        ("ClientGenExcludeTags", false, ExcludeTags, s_tag),
        ("ClientGenIncludePaths", true, IncludePaths, s_path),
        ("ClientGenExcludePaths", false, ExcludePaths, s_path),
        ("ClientGenIncludeOperations", true, IncludeOperations, s_id),
        ("ClientGenExcludeOperations", false, ExcludeOperations, s_id),
    };

    private static readonly Func<string, OperationIdentity, bool> s_tag = (tag, o) => o.Tags.Contains(tag, StringComparer.OrdinalIgnoreCase);
    private static readonly Func<string, OperationIdentity, bool> s_path = (pattern, o) => PathMatches(pattern, o.Path, o.Method);
    private static readonly Func<string, OperationIdentity, bool> s_id = (id, o) => string.Equals(id, o.OperationId, StringComparison.OrdinalIgnoreCase);

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
