using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using ClientGen.Generator.Model;
using ClientGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace ClientGen.Generator.Tests.Conformance;

/// <summary>
/// Runs the real generator (through <see cref="GeneratorHarness"/>) over one corpus document with its
/// companion files, then compiles what it generated, and records the outcome as a <see cref="ConformanceRow"/>.
/// </summary>
internal static class ConformanceRunner
{
    public static (ConformanceRow Row, GeneratorRun Run) RunOpenApi(string document)
    {
        var harness = new GeneratorHarness { RootNamespace = "Conformance" };
        foreach (var file in CorpusManifest.FilesFor(document))
        {
            harness.AddSpec(CorpusManifest.FullPath(file), File.ReadAllText(CorpusManifest.FullPath(file)));
        }
        var (run, elapsed) = Timed(harness.Run);
        var model = Outputs<ClientModel>(run, TrackingNames.Models).SingleOrDefault();
        // The spec's operations, not the methods: a success that comes as JSON or bytes is two methods, one operation.
        var operations = model?.Operations.Select(o => (o.HttpMethod, o.Path)).Distinct().Count() ?? 0;
        return (Row(document, CorpusManifest.KindOf(document), operations, model?.Types.Count ?? 0, run, elapsed), run);
    }

    public static (ConformanceRow Row, GeneratorRun Run) RunGraphQl(string folder)
    {
        var harness = new GeneratorHarness { RootNamespace = "Conformance" };
        var root = CorpusManifest.FullPath(folder);
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            harness.AddSpec(file.Replace('\\', '/'), File.ReadAllText(file));
        }
        var (run, elapsed) = Timed(harness.Run);
        var models = Outputs<GraphQlClientModel>(run, TrackingNames.GraphQlModels).ToList();
        var kinds = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Count(f => f.EndsWith(".graphql", StringComparison.Ordinal) || f.EndsWith(".gql", StringComparison.Ordinal));
        return (Row(folder, $"{kinds} .graphql file(s)", models.Sum(m => m.Operations.Count), models.Sum(m => m.Types.Count), run, elapsed), run);
    }

    private static (GeneratorRun, TimeSpan) Timed(Func<string, GeneratorRun> run)
    {
        var watch = Stopwatch.StartNew();
        var result = run("namespace Conformance { internal static class Marker { } }");
        return (result, watch.Elapsed);
    }

    private static IEnumerable<T> Outputs<T>(GeneratorRun run, string step) =>
        run.Generator.TrackedSteps.TryGetValue(step, out var steps)
            ? steps.SelectMany(s => s.Outputs).Select(o => o.Value).OfType<T>()
            : Enumerable.Empty<T>();

    private static ConformanceRow Row(string document, string kind, int operations, int types, GeneratorRun run, TimeSpan elapsed)
    {
        var compile = run.Output.GetDiagnostics();
        var errors = compile.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var warnings = compile.Count(d => d.Severity == DiagnosticSeverity.Warning);
        var diagnostics = run.GeneratorDiagnostics
            .GroupBy(d => d.Id)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count()))
            .ToList();
        return new ConformanceRow(document, kind, operations, types, diagnostics, errors.Count, warnings, run.Generator.GeneratedSources.Length, errors.FirstOrDefault()?.ToString(), elapsed);
    }
}
