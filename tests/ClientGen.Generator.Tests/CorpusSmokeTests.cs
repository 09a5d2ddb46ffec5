using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using ClientGen.Generator.Emit;
using ClientGen.Generator.Model;
using ClientGen.Generator.OpenApi;
using ClientGen.Generator.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace ClientGen.Generator.Tests;

/// <summary>
/// The generator over every OpenAPI document in the shared corpus (real specs nobody here wrote):
/// none may make it fail internally (CG0005). Whether each output compiles is the conformance suite's job.
/// </summary>
public sealed class CorpusSmokeTests(ITestOutputHelper output)
{
    /// <summary>Every root document the corpus manifest lists (fragments and example payloads are not roots).</summary>
    public static IEnumerable<object[]> Roots() =>
        File.ReadLines(Path.Combine(Repo.CorpusRoot, "manifest.tsv"))
            .Skip(1)
            .Select(line => line.Split('\t'))
            .Where(columns => columns[0].StartsWith("openapi/", StringComparison.Ordinal) && !columns[7].Contains("fragment") && !columns[7].Contains("example"))
            .Select(columns => new object[] { columns[0] });

    [Theory]
    [MemberData(nameof(Roots))]
    public void The_generator_never_fails_internally_on_a_corpus_document(string document)
    {
        var item = SpecDiscovery.CreateWorkItems(CorpusFiles()).Single(i => Relative(i.Root.Path) == document);

        var result = OpenApiParser.Parse(item, CancellationToken.None);
        var files = result.Model == null ? new List<GeneratedFile>() : Emitter.Emit(result.Model);

        var internalErrors = result.Diagnostics.Where(d => d.Id == DiagnosticDescriptors.InternalError.Id).ToList();
        Assert.True(internalErrors.Count == 0, string.Join("\n", internalErrors.Select(d => string.Join(" ", d.MessageArgs))));
        output.WriteLine($"{document}: {result.Model?.Operations.Count ?? 0} operations, {result.Model?.Types.Count ?? 0} types, {files.Count} files, diagnostics: "
            + string.Join(", ", result.Diagnostics.GroupBy(d => d.Id).Select(g => $"{g.Key}×{g.Count()}")));
        foreach (var error in result.Diagnostics.Where(d => d.Id.StartsWith("CG0", StringComparison.Ordinal)).Take(3)) output.WriteLine($"  {error.Id} {error.Location.Line + 1}:{error.Location.Column + 1} {string.Join(" ", error.MessageArgs)}");
    }

    private static ImmutableArray<(SpecFile, SpecOptions)> s_files;

    private static ImmutableArray<(SpecFile File, SpecOptions Options)> CorpusFiles()
    {
        if (!s_files.IsDefault) return s_files;
        var root = Path.Combine(Repo.CorpusRoot, "openapi");
        var options = new SpecOptions(null, null, "Corpus");
        s_files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(SpecDiscovery.HasSpecExtension)
            .Select(path => (new SpecFile(SpecDiscovery.NormalizePath(path), File.ReadAllText(path)), options))
            .ToImmutableArray();
        return s_files;
    }

    private static string Relative(string path) => Path.GetRelativePath(Repo.CorpusRoot, path).Replace('\\', '/');
}
