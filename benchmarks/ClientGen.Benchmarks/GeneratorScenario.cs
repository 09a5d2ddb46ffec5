using System.Collections.Immutable;
using ClientGen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NSwag;

namespace ClientGen.Benchmarks;

/// <summary>The three things measured for one spec: a cold generator run, a run after an unrelated edit, and NSwag's parse alone.</summary>
internal sealed class GeneratorScenario(string name, IReadOnlyList<string> files)
{
    private static readonly CSharpParseOptions s_parse = new(LanguageVersion.Latest);

    public string Name => name;

    public long Bytes => files.Sum(f => new FileInfo(f).Length);

    private readonly ImmutableArray<AdditionalText> _texts = files.Select(f => (AdditionalText)new SpecText(f, File.ReadAllText(f))).ToImmutableArray();

    /// <summary>A fresh driver over a fresh compilation: what a build (or opening the project) pays.</summary>
    public GeneratorDriver RunCold()
    {
        var driver = CSharpGeneratorDriver.Create(new[] { new ClientGenGenerator().AsSourceGenerator() }, _texts, s_parse);
        return driver.RunGenerators(Compilation("namespace Bench { internal static class Marker { } }"));
    }

    /// <summary>A driver that already ran, run again after a C# edit elsewhere: what each keystroke pays.</summary>
    public Action RunAfterUnrelatedEdit()
    {
        var driver = RunCold();
        var edit = 0;
        return () => driver = driver.RunGenerators(Compilation($"namespace Bench {{ internal static class Marker {{ public const int Edit = {++edit}; }} }}"));
    }

    /// <summary>
    /// A driver that already ran, run again after an edit to one operation of the spec (alternately applied and undone,
    /// so every run is an edit): what the IDE pays from a keystroke in the spec to regenerated output. Also says how
    /// many generated files that run handed to the compiler again (the others' syntax trees are reused).
    /// </summary>
    public (Action Run, Func<int> FilesReEmitted) RunAfterOperationEdit(string find, string replace)
    {
        var original = _texts[0];
        var text = original.GetText()!.ToString();
        if (!text.Contains(find, StringComparison.Ordinal)) throw new InvalidOperationException($"'{find}' is not in {Name}'s spec.");
        var edited = new SpecText(original.Path, text.Replace(find, replace, StringComparison.Ordinal));
        var options = new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new ClientGenGenerator().AsSourceGenerator() }, _texts, s_parse, driverOptions: options);
        var compilation = Compilation("namespace Bench { internal static class Marker { } }");
        driver = driver.RunGenerators(compilation);
        AdditionalText current = original;
        var reEmitted = 0;
        return (() =>
        {
            var next = ReferenceEquals(current, original) ? (AdditionalText)edited : original;
            driver = driver.ReplaceAdditionalText(current, next).RunGenerators(compilation);
            current = next;
            reEmitted = driver.GetRunResult().Results[0].TrackedSteps[TrackingNames.GeneratedFiles]
                .SelectMany(step => step.Outputs)
                .Count(output => output.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New);
        }, () => reEmitted);
    }

    /// <summary>NSwag.Core reading the spec into its document model and nothing else: the floor for any NSwag-based generator.</summary>
    public void ParseWithNSwag()
    {
        var root = files[0];
        var text = File.ReadAllText(root);
        var document = root.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            ? OpenApiDocument.FromJsonAsync(text, root).GetAwaiter().GetResult()
            : OpenApiYamlDocument.FromYamlAsync(text, root).GetAwaiter().GetResult();
        GC.KeepAlive(document);
    }

    public bool IsOpenApi => !files[0].EndsWith(".graphql", StringComparison.OrdinalIgnoreCase);

    // The runtime reference is the one the generator looks for (CG0006): without it nothing would be emitted or measured.
    private static readonly MetadataReference[] s_references = { MetadataReference.CreateFromFile(typeof(ClientGen.Runtime.ApiClientOptions).Assembly.Location) };

    private static CSharpCompilation Compilation(string code) =>
        CSharpCompilation.Create("Bench", new[] { CSharpSyntaxTree.ParseText(code, s_parse) }, s_references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
}
