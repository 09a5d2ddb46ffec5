using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using ClientGen.Generator.Common;
using ClientGen.Generator.Model;

namespace ClientGen.Generator.GraphQl;

/// <summary>One GraphQL client: the files of a folder (schema plus operations), with operation-only subfolders attached.</summary>
public sealed record GraphQlWorkItem(string Folder, EquatableArray<SpecFile> Files, SpecOptions Options);

/// <summary>
/// Groups GraphQL AdditionalFiles into clients. A folder's files form one client; a folder holding only
/// operations (no type definitions) belongs to the nearest parent folder that has a schema.
/// </summary>
public static class GraphQlDiscovery
{
    // A definition keyword at the start of a line followed by what a definition needs (a name, "{" or "@"):
    // a query selecting a field named "type" is indented and followed by "{" or nothing, so it does not match.
    private static readonly Regex s_typeSystem = new(
        "^(?:extend[ \\t]+)?(?:schema[ \\t]*[{@]|(?:type|interface|union|enum|input|scalar)[ \\t]+[_A-Za-z]|directive[ \\t]+@)",
        RegexOptions.Multiline | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static readonly Regex s_introspection = new("\"__schema\"\\s*:", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    public static bool IsGraphQl(string path) =>
        path.EndsWith(".graphql", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".graphqls", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".gql", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for an introspection result (<c>{"data":{"__schema":…}}</c>): a schema, read through <see cref="IntrospectionSdl"/>.</summary>
    public static bool IsIntrospectionJson(SpecFile file) =>
        file.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && s_introspection.IsMatch(file.Text.Length > 4096 ? file.Text.Substring(0, 4096) : file.Text);

    public static bool HasTypeSystem(string text) => s_typeSystem.IsMatch(text);

    /// <summary>True for a file that defines types: SDL, or an introspection result.</summary>
    public static bool IsSchema(SpecFile file) => IsIntrospectionJson(file) || HasTypeSystem(file.Text);

    public static ImmutableArray<GraphQlWorkItem> CreateWorkItems(ImmutableArray<(SpecFile File, SpecOptions Options)> files)
    {
        var graphQl = files.Where(f => IsGraphQl(f.File.Path) || IsIntrospectionJson(f.File)).ToList();
        var byFolder = graphQl.GroupBy(f => FolderOf(f.File.Path), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var schemaFolders = new HashSet<string>(byFolder.Where(g => g.Value.Any(f => IsSchema(f.File))).Select(g => g.Key), StringComparer.Ordinal);

        var clients = new Dictionary<string, List<(SpecFile File, SpecOptions Options)>>(StringComparer.Ordinal);
        foreach (var entry in byFolder)
        {
            var owner = schemaFolders.Contains(entry.Key) ? entry.Key : NearestSchemaFolder(entry.Key, schemaFolders) ?? entry.Key;
            if (!clients.TryGetValue(owner, out var list)) clients[owner] = list = new List<(SpecFile, SpecOptions)>();
            list.AddRange(entry.Value);
        }

        return clients
            .OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c =>
            {
                var ordered = c.Value.OrderBy(f => f.File.Path, StringComparer.Ordinal).ToList();
                // Metadata on any file of the folder applies to the client (the schema file is the natural place).
                var options = ordered.Select(f => f.Options).FirstOrDefault(o => o.Namespace != null || o.ClientName != null) ?? ordered[0].Options;
                return new GraphQlWorkItem(c.Key, ordered.Select(f => f.File).ToEquatableArray(), options);
            })
            .ToImmutableArray();
    }

    private static string? NearestSchemaFolder(string folder, HashSet<string> schemaFolders)
    {
        for (var current = Parent(folder); current != null; current = Parent(current))
        {
            if (schemaFolders.Contains(current)) return current;
        }
        return null;
    }

    private static string? Parent(string folder)
    {
        var slash = folder.LastIndexOf('/');
        return slash <= 0 ? null : folder.Substring(0, slash);
    }

    public static string FolderOf(string path)
    {
        var normalized = SpecPath.Normalize(path);
        var slash = normalized.LastIndexOf('/');
        return slash < 0 ? string.Empty : normalized.Substring(0, slash);
    }
}
