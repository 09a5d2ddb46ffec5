using System.Collections.Immutable;
using System.Globalization;
using ClientGen.Generator;
using ClientGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ClientGen.Benchmarks;

/// <summary>
/// What a user waits for after generation: the SDK's compiler turning a generated client into an assembly, for our
/// client (whole, and cut down by AdditionalFiles metadata) beside NSwag's and Kiota's for the same spec. One run per
/// row: Stripe's clients take a minute or more each.
/// </summary>
internal static class CompileCost
{
    private static readonly CSharpParseOptions s_parse = new(LanguageVersion.Latest);

    public sealed record Row(string Spec, string Generator, int Files, CompilerProcess.Result Compile, double? OverKiota);

    /// <summary>Our generated files for <paramref name="path"/>, as the source generator hands them to the compiler.</summary>
    public static int WriteOurs(string path, IReadOnlyDictionary<string, string> metadata, string folder)
    {
        var text = new SpecText(path, File.ReadAllText(path));
        var perFile = new Dictionary<string, Dictionary<string, string>> { [path] = metadata.ToDictionary(m => "build_metadata.AdditionalFiles." + m.Key, m => m.Value) };
        var options = new TestOptionsProvider(new Dictionary<string, string> { ["build_property.RootNamespace"] = "Bench" }, perFile);
        var driver = CSharpGeneratorDriver.Create(new[] { new ClientGenGenerator().AsSourceGenerator() }, ImmutableArray.Create<AdditionalText>(text), s_parse, options);
        // The generator emits nothing without ClientGen.Runtime among the references (CG0006), as in a real project.
        var compilation = CSharpCompilation.Create("Bench", references: OurReferences().Select(r => MetadataReference.CreateFromFile(r)));
        var run = driver.RunGenerators(compilation).GetRunResult();
        Directory.CreateDirectory(folder);
        var sources = run.Results.SelectMany(r => r.GeneratedSources).ToList();
        if (sources.Count == 0) throw new InvalidOperationException($"{path}: nothing generated: {string.Join("; ", run.Diagnostics)}");
        foreach (var source in sources) File.WriteAllText(Path.Combine(folder, source.HintName), source.SourceText.ToString());
        return sources.Count;
    }

    /// <summary>What a project referencing ClientGen.Runtime compiles against: the framework, the runtime and what it brings.</summary>
    public static IEnumerable<string> OurReferences() => CompilerProcess.FrameworkReferences()
        .Concat(Directory.EnumerateFiles(AppContext.BaseDirectory, "Microsoft.Extensions.*.dll"))
        .Concat(Directory.EnumerateFiles(AppContext.BaseDirectory, "Microsoft.Kiota.Abstractions.dll"))
        .Append(typeof(ClientGen.Runtime.ApiClientOptions).Assembly.Location);

    /// <summary>What a Kiota client compiles against: the framework and Kiota's bundle (abstractions, HTTP, serializers).</summary>
    public static IEnumerable<string> KiotaReferences() => CompilerProcess.FrameworkReferences()
        .Concat(Directory.EnumerateFiles(AppContext.BaseDirectory, "Microsoft.Kiota.*.dll"))
        .Concat(Directory.EnumerateFiles(AppContext.BaseDirectory, "Std.UriTemplate.dll"))
        .Concat(Directory.EnumerateFiles(AppContext.BaseDirectory, "Microsoft.Extensions.DependencyInjection.Abstractions.dll"));

    public static int CountSources(string folder) => Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories).Count();

    public static string Table(IEnumerable<Row> rows)
    {
        var lines = new List<string>
        {
            "| Spec | Generator | Files | Compile s | × Kiota | Compiler peak MB | Errors |",
            "|---|---|---:|---:|---:|---:|---:|",
        };
        lines.AddRange(rows.Select(r => string.Create(CultureInfo.InvariantCulture,
            $"| {r.Spec} | {r.Generator} | {r.Files:N0} | {r.Compile.Seconds:F1} | {(r.OverKiota is { } ratio ? ratio.ToString("F2", CultureInfo.InvariantCulture) + "×" : "")} | {r.Compile.PeakMegabytes:N0} | {r.Compile.Errors:N0} |")));
        return string.Join(Environment.NewLine, lines);
    }
}
