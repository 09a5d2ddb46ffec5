using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ClientGen.Generator.Tests.Infrastructure;

namespace ClientGen.Generator.Tests.Conformance;

/// <summary>The shared corpus's manifest.tsv: which files are root documents and which only travel with one.</summary>
internal static class CorpusManifest
{
    private static readonly Lazy<IReadOnlyList<(string Path, string Kind)>> s_rows = new(() =>
        File.ReadLines(System.IO.Path.Combine(Repo.CorpusRoot, "manifest.tsv"))
            .Skip(1)
            .Select(line => line.Split('\t'))
            .Select(columns => (columns[0], columns[7]))
            .ToList());

    /// <summary>The three largest OpenAPI documents, which run in their own test category.</summary>
    public static readonly IReadOnlyList<string> Largest = new[] { "openapi/stripe/spec3.yaml", "openapi/kubernetes/swagger.json", "openapi/github/api.github.com.json" };

    /// <summary>Every OpenAPI or Swagger root document (fragments and example payloads are not roots).</summary>
    public static IReadOnlyList<string> OpenApiRoots { get; } = s_rows.Value
        .Where(row => row.Path.StartsWith("openapi/", StringComparison.Ordinal) && IsRootKind(row.Kind))
        .Select(row => row.Path)
        .ToList();

    /// <summary>The manifest's spec version column for a document.</summary>
    public static string KindOf(string document) => s_rows.Value.First(row => row.Path == document).Kind;

    /// <summary>
    /// The root plus every non-root file in its vendor folder (external <c>$ref</c> targets, examples),
    /// as a project would list them in AdditionalFiles. Other roots in the folder are left out: each is its own client.
    /// </summary>
    public static IReadOnlyList<string> FilesFor(string root)
    {
        var vendor = string.Join("/", root.Split('/').Take(2)) + "/";
        return s_rows.Value
            .Where(row => row.Path == root || (row.Path.StartsWith(vendor, StringComparison.Ordinal) && !IsRootKind(row.Kind)))
            .Select(row => row.Path)
            .ToList();
    }

    /// <summary>The GraphQL folders: each top-level folder under graphql/ is one schema with its operations.</summary>
    public static IReadOnlyList<string> GraphQlFolders { get; } = s_rows.Value
        .Where(row => row.Path.StartsWith("graphql/", StringComparison.Ordinal))
        .Select(row => string.Join("/", row.Path.Split('/').Take(2)))
        .Distinct()
        .ToList();

    public static string FullPath(string relative) => System.IO.Path.Combine(Repo.CorpusRoot, relative).Replace('\\', '/');

    private static bool IsRootKind(string kind) => !kind.Contains("fragment", StringComparison.Ordinal) && !kind.Contains("example", StringComparison.Ordinal);
}
