using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using ClientGen.Generator;
using ClientGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ClientGen.Benchmarks;

/// <summary>
/// What a user waits for after generation: the C# compiler turning the generated client into an assembly (Roslyn's
/// <c>Emit</c>, in-process, to memory), for a whole spec and for the same spec cut down by AdditionalFiles metadata.
/// One run per row (Stripe's full client takes over a minute); the compiler is warmed up on Zuora first.
/// </summary>
internal static class CompileCost
{
    private static readonly CSharpParseOptions s_parse = new(LanguageVersion.Latest);

    public sealed record Row(string Spec, string Filter, int Files, double Seconds, double AllocatedGigabytes, int Errors);

    public static Row Measure(string spec, string path, string filter, IReadOnlyDictionary<string, string> metadata)
    {
        var text = new SpecText(path, File.ReadAllText(path));
        var perFile = new Dictionary<string, Dictionary<string, string>> { [path] = metadata.ToDictionary(m => "build_metadata.AdditionalFiles." + m.Key, m => m.Value) };
        var options = new TestOptionsProvider(new Dictionary<string, string> { ["build_property.RootNamespace"] = "Bench" }, perFile);
        var driver = CSharpGeneratorDriver.Create(new[] { new ClientGenGenerator().AsSourceGenerator() }, ImmutableArray.Create<AdditionalText>(text), s_parse, options);
        var compilation = CSharpCompilation.Create("Bench", Array.Empty<SyntaxTree>(), References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, nullableContextOptions: NullableContextOptions.Enable));
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var generated, out _);
        var files = generated.SyntaxTrees.Count();
        // The generated texts are parsed inside the measurement, as a build parses them.
        var texts = generated.SyntaxTrees.Select(t => (Text: t.GetText(), t.FilePath)).ToList();
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var result = compilation.AddSyntaxTrees(texts.Select(t => CSharpSyntaxTree.ParseText(t.Text, s_parse, t.FilePath))).Emit(Stream.Null);
        watch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        return new Row(spec, filter, files, watch.Elapsed.TotalSeconds, allocated / 1e9, result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error));
    }

    public static string Table(IEnumerable<Row> rows)
    {
        var lines = new List<string>
        {
            "| Spec | Filter (AdditionalFiles metadata) | Generated files | Compile s | Compiler allocations GB | Errors |",
            "|---|---|---:|---:|---:|---:|",
        };
        lines.AddRange(rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"| {r.Spec} | {r.Filter} | {r.Files:N0} | {r.Seconds:F1} | {r.AllocatedGigabytes:F1} | {r.Errors} |")));
        return string.Join(Environment.NewLine, lines);
    }

    // The framework the benchmark runs on, and the runtime with the dependencies it brings, as a consumer compiles against.
    private static readonly Lazy<MetadataReference[]> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => p.Contains("Microsoft.NETCore.App", StringComparison.Ordinal))
            .Concat(Directory.EnumerateFiles(AppContext.BaseDirectory, "Microsoft.Extensions.*.dll"))
            .Concat(Directory.EnumerateFiles(AppContext.BaseDirectory, "Microsoft.Kiota.*.dll"))
            .Append(typeof(ClientGen.Runtime.ApiClientOptions).Assembly.Location)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToArray());
}
