using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using ClientGen.Generator.Common;
using ClientGen.Generator.Model;

namespace ClientGen.Generator.OpenApi;

/// <summary>
/// Decides which AdditionalFiles are OpenAPI root documents and which files each one references, so
/// that a root is re-parsed only when its own text or a file it references changes.
/// </summary>
public static class SpecDiscovery
{
    // A top-level "openapi"/"swagger" version key. Fragments (schemas, parameter files) never carry one.
    private static readonly Regex s_jsonRoot = new("\"(openapi|swagger)\"\\s*:\\s*\"\\d", RegexOptions.CultureInvariant | RegexOptions.Compiled);
    private static readonly Regex s_yamlRoot = new("^[\"']?(openapi|swagger)[\"']?\\s*:\\s*[\"']?\\d", RegexOptions.Multiline | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    // "$ref": "other.yaml#/x" or $ref: '../common/Error.json'. Local refs (#/...) and URLs are not files.
    private static readonly Regex s_externalRef = new(
        "[\"']?\\$ref[\"']?\\s*:\\s*[\"']?(?<file>[^\"'#\\s,}{\\]]+)(?:#[^\"'\\s,}]*)?[\"']?",
        RegexOptions.CultureInvariant);

    public static bool HasSpecExtension(string path) =>
        path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    public static bool IsYaml(string path) => !path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    public static bool IsOpenApiRoot(SpecFile file)
    {
        // The whole text is searched: specs with sorted keys (Stripe, Kubernetes, Twilio) put the version key last.
        // This runs only when an AdditionalFiles item changes, and a compiled regex scans megabytes in milliseconds.
        return IsYaml(file.Path) ? s_yamlRoot.IsMatch(file.Text) || s_jsonRoot.IsMatch(file.Text) : s_jsonRoot.IsMatch(file.Text);
    }

    /// <summary>Builds one work item per root document, carrying the transitive closure of its external references.</summary>
    public static ImmutableArray<SpecWorkItem> CreateWorkItems(ImmutableArray<(SpecFile File, SpecOptions Options)> files)
    {
        var byPath = new Dictionary<string, SpecFile>(StringComparer.Ordinal);
        foreach (var (file, _) in files) byPath[SpecPath.Normalize(file.Path)] = file;

        var items = ImmutableArray.CreateBuilder<SpecWorkItem>();
        foreach (var (file, options) in files.OrderBy(f => f.File.Path, StringComparer.Ordinal))
        {
            if (!IsOpenApiRoot(file)) continue;
            var references = new List<SpecFile>();
            var seen = new HashSet<string>(StringComparer.Ordinal) { SpecPath.Normalize(file.Path) };
            var queue = new Queue<SpecFile>();
            queue.Enqueue(file);
            while (queue.Count > 0)
            {
                var current = queue.Dequeue();
                foreach (var target in ExternalReferences(current))
                {
                    if (!seen.Add(target)) continue;
                    if (!byPath.TryGetValue(target, out var referenced)) continue; // reported later as CG0003
                    references.Add(referenced);
                    queue.Enqueue(referenced);
                }
            }
            references.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
            items.Add(new SpecWorkItem(file, references.ToEquatableArray(), options));
        }
        return items.ToImmutable();
    }

    /// <summary>The normalized absolute paths of the files <paramref name="file"/> refers to.</summary>
    public static IEnumerable<string> ExternalReferences(SpecFile file)
    {
        if (file.Text.IndexOf("$ref", StringComparison.Ordinal) < 0) yield break;
        var directory = DirectoryOf(SpecPath.Normalize(file.Path));
        foreach (Match match in s_externalRef.Matches(file.Text))
        {
            var target = match.Groups["file"].Value;
            if (target.Length == 0 || target.Contains("://") || !HasSpecExtension(target)) continue;
            yield return Combine(directory, Uri.UnescapeDataString(target));
        }
    }

    public static string DirectoryOf(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? string.Empty : path.Substring(0, slash);
    }

    /// <summary>Joins a relative reference to a directory and folds <c>.</c> and <c>..</c> (pure string work, no file system).</summary>
    public static string Combine(string directory, string relative)
    {
        relative = SpecPath.Normalize(relative);
        var joined = relative.StartsWith("/", StringComparison.Ordinal) || directory.Length == 0 ? relative : directory + "/" + relative;
        var parts = new List<string>();
        foreach (var part in joined.Split('/'))
        {
            if (part == "." || (part.Length == 0 && parts.Count > 0)) continue;
            if (part == ".." && parts.Count > 0 && parts[parts.Count - 1] != "..") parts.RemoveAt(parts.Count - 1);
            else parts.Add(part);
        }
        return string.Join("/", parts);
    }
}
