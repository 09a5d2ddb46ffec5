using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ClientGen.Generator.Tests.Infrastructure;

/// <summary>
/// Drives <see cref="ClientGenGenerator"/> with <see cref="CSharpGeneratorDriver"/> the way the compiler
/// does: C# sources, AdditionalFiles and their metadata in, generated sources and diagnostics out.
/// </summary>
internal sealed class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(LoadReferences);

    private readonly List<AdditionalText> _texts = new();
    private readonly Dictionary<string, Dictionary<string, string>> _metadata = new();
    private GeneratorDriver? _driver;
    private CSharpCompilation? _compilation;

    public string RootNamespace { get; init; } = "TestApp";

    /// <summary>The compilation's references; by default the framework, Microsoft.Extensions.* and ClientGen.Runtime.</summary>
    public IEnumerable<MetadataReference>? CompilationReferences { get; init; }

    /// <summary>C# 12, the default language of a net8.0 (LTS) project: generated code must compile there too.</summary>
    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.CSharp12);

    public static ImmutableArray<MetadataReference> References => s_references.Value;

    public GeneratorHarness AddSpec(string path, string text, string? ns = null, string? clientName = null)
    {
        _texts.Add(new InMemoryAdditionalText(path, text));
        var metadata = new Dictionary<string, string>();
        if (ns != null) metadata["build_metadata.AdditionalFiles.ClientGenNamespace"] = ns;
        if (clientName != null) metadata["build_metadata.AdditionalFiles.ClientGenClientName"] = clientName;
        _metadata[path] = metadata;
        return this;
    }

    public GeneratorHarness AddSpecFile(string file, string? ns = null) => AddSpec(file, File.ReadAllText(file), ns);

    /// <summary>Sets AdditionalFiles metadata (<c>ClientGenIncludeTags</c> and the like) on a spec added before.</summary>
    public GeneratorHarness WithMetadata(string path, string name, string value)
    {
        _metadata[path]["build_metadata.AdditionalFiles." + name] = value;
        return this;
    }

    /// <summary>First run: builds a compilation of <paramref name="userCode"/> and runs the generator over it.</summary>
    public GeneratorRun Run(string userCode = "namespace TestApp { internal static class Marker { } }")
    {
        _compilation = CSharpCompilation.Create(
            "TestApp",
            new[] { CSharpSyntaxTree.ParseText(userCode, ParseOptions, path: "Marker.cs") },
            CompilationReferences ?? References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        _driver = CSharpGeneratorDriver.Create(
            new[] { new ClientGenGenerator().AsSourceGenerator() },
            _texts,
            ParseOptions,
            new TestOptionsProvider(new Dictionary<string, string> { ["build_property.RootNamespace"] = RootNamespace }, _metadata),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        return Execute();
    }

    /// <summary>Runs again after an unrelated C# edit (a new type in a new file).</summary>
    public GeneratorRun RunAfterUnrelatedEdit()
    {
        _compilation = _compilation!.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace TestApp { internal sealed class Unrelated { public int Value { get; set; } } }", ParseOptions, path: "Unrelated.cs"));
        return Execute();
    }

    /// <summary>Runs again with the text of one spec replaced.</summary>
    public GeneratorRun RunAfterSpecEdit(string path, string newText)
    {
        var old = _texts.Single(t => t.Path == path);
        var replacement = new InMemoryAdditionalText(path, newText);
        _texts[_texts.IndexOf(old)] = replacement;
        _driver = _driver!.ReplaceAdditionalText(old, replacement);
        return Execute();
    }

    private GeneratorRun Execute()
    {
        _driver = _driver!.RunGeneratorsAndUpdateCompilation(_compilation!, out var output, out var diagnostics);
        return new GeneratorRun(_driver.GetRunResult(), output, diagnostics);
    }

    /// <summary>The default references without ClientGen.Runtime.</summary>
    public static IEnumerable<MetadataReference> ReferencesWithoutRuntime =>
        References.Where(r => !string.Equals(Path.GetFileNameWithoutExtension(r.Display), "ClientGen.Runtime", StringComparison.Ordinal));

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        // The shared framework the tests run on, plus the runtime library generated code calls.
        var tpa = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var framework = tpa.Where(p => p.Contains("Microsoft.NETCore.App", StringComparison.Ordinal));
        // Generated DI registration uses Microsoft.Extensions.* (the runtime's dependencies, as a consumer would get them).
        var extensions = Directory.EnumerateFiles(AppContext.BaseDirectory, "Microsoft.Extensions.*.dll");
        return framework
            .Concat(extensions)
            .Append(typeof(ClientGen.Runtime.ApiClientOptions).Assembly.Location)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }
}

/// <summary>One generator run: its result, the compilation with generated code, and the driver's diagnostics.</summary>
internal sealed record GeneratorRun(GeneratorDriverRunResult Result, Compilation Output, ImmutableArray<Diagnostic> DriverDiagnostics)
{
    public GeneratorRunResult Generator => Result.Results.Single();

    public ImmutableArray<Diagnostic> GeneratorDiagnostics => Generator.Diagnostics;

    /// <summary>Generated files by hint name.</summary>
    public Dictionary<string, string> Sources => Generator.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());

    /// <summary>Errors and warnings from compiling the user's code with the generated code.</summary>
    public List<Diagnostic> CompileProblems() =>
        Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

    public string Describe(IEnumerable<Diagnostic> diagnostics) => string.Join(Environment.NewLine, diagnostics.Take(30).Select(d => d.ToString()));

    /// <summary>The one diagnostic with <paramref name="id"/>, failing with every diagnostic listed when there is not exactly one.</summary>
    public Diagnostic SingleDiagnostic(string id)
    {
        var matches = GeneratorDiagnostics.Where(d => d.Id == id).ToList();
        Xunit.Assert.True(matches.Count == 1, $"Expected one {id}, got: {Describe(GeneratorDiagnostics)}");
        return matches[0];
    }
}
