using System.Collections.Immutable;
using System.Linq;
using ClientGen.Generator.Common;
using ClientGen.Generator.Emit;
using ClientGen.Generator.GraphQl;
using ClientGen.Generator.Model;
using ClientGen.Generator.OpenApi;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ClientGen.Generator;

/// <summary>
/// The pipeline, and only the pipeline: AdditionalFiles (.yaml/.yml/.json/.graphql) → spec texts with their
/// per-file options → one work item per OpenAPI root (or GraphQL folder) → parsed model → placed model → source
/// files (one output each) and diagnostics, each step one of <see cref="GeneratorCore"/>'s in its own node. Every step yields
/// value-equal records, so an unrelated edit re-runs nothing.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ClientGenGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // The compilation is reduced to its assembly name at once: combining with it directly would re-run on every keystroke.
        var rootNamespace = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => options.GlobalOptions.TryGetValue("build_property.RootNamespace", out var ns) && !string.IsNullOrWhiteSpace(ns) ? ns : null)
            .Combine(context.CompilationProvider.Select(static (compilation, _) => compilation.AssemblyName ?? "ClientGen.Generated"))
            .Select(static (pair, _) => pair.Left ?? pair.Right)
            .WithTrackingName(TrackingNames.RootNamespace);

        var files = context.AdditionalTextsProvider
            .Where(static text => SpecDiscovery.HasSpecExtension(text.Path) || GraphQlDiscovery.IsGraphQl(text.Path))
            .Select(static (text, ct) => new SpecFile(text.Path, text.GetText(ct)?.ToString() ?? string.Empty))
            .WithTrackingName(TrackingNames.SpecFiles);

        var fileOptions = context.AdditionalTextsProvider
            .Where(static text => SpecDiscovery.HasSpecExtension(text.Path) || GraphQlDiscovery.IsGraphQl(text.Path))
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, _) =>
            {
                var options = pair.Right.GetOptions(pair.Left);
                options.TryGetValue("build_metadata.AdditionalFiles.ClientGenNamespace", out var ns);
                options.TryGetValue("build_metadata.AdditionalFiles.ClientGenClientName", out var clientName);
                options.TryGetValue("build_metadata.AdditionalFiles.ClientGenSkip", out var skip);
                string? Metadata(string name) => options.TryGetValue("build_metadata.AdditionalFiles." + name, out var value) ? value : null;
                var filter = OperationFilter.From(Metadata("ClientGenIncludeTags"), Metadata("ClientGenExcludeTags"), Metadata("ClientGenIncludePaths"),
                    Metadata("ClientGenExcludePaths"), Metadata("ClientGenIncludeOperations"), Metadata("ClientGenExcludeOperations"));
                return new FileOptions(pair.Left.Path, Blank(ns), Blank(clientName), string.Equals(skip, "true", System.StringComparison.OrdinalIgnoreCase), filter);
            })
            .WithTrackingName(TrackingNames.SpecOptions);

        var entries = files.Collect()
            .Combine(fileOptions.Collect())
            .Combine(rootNamespace)
            .Select(static (input, _) =>
            {
                var ((specFiles, options), root) = input;
                var byPath = options.ToDictionary(o => o.Path, o => o);
                return specFiles
                    .Select(file => (file, option: byPath.TryGetValue(file.Path, out var o) ? o : new FileOptions(file.Path, null, null, false, OperationFilter.None)))
                    .Where(e => !e.option.Skip)
                    .Select(e => (e.file, new SpecOptions(e.option.Namespace, e.option.ClientName, root) { Filter = e.option.Filter }))
                    .ToImmutableArray();
            });

        var workItems = entries
            .SelectMany(static (all, _) => GeneratorCore.OpenApiWorkItems(all))
            .WithTrackingName(TrackingNames.WorkItems);

        // The compilation reduced to the one fact we need; generated code is withheld (one CG0006/CG0007 instead).
        var runtime = context.CompilationProvider
            .Select(static (compilation, _) => RuntimeReferenceCheck.Find(compilation))
            .WithTrackingName(TrackingNames.RuntimeReference);
        var runtimeProblem = runtime
            .Combine(entries)
            .Select(static (pair, _) => RuntimeReferenceCheck.Problem(pair.Left, pair.Right.Select(e => e.Item1.Path).OrderBy(p => p, System.StringComparer.Ordinal).FirstOrDefault()));
        context.RegisterSourceOutput(runtimeProblem, static (spc, problem) =>
        {
            if (problem != null) spc.ReportDiagnostic(problem.ToDiagnostic());
        });

        var graphQlModels = RegisterGraphQl(context, files, entries);

        var results = workItems
            .Select(static (item, ct) => GeneratorCore.Parse(item, ct))
            .WithTrackingName(TrackingNames.ParseResults);

        // Diagnostics and sources are separate outputs, so moving a warning's line does not regenerate code.
        var diagnostics = results
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (spc, items) =>
        {
            foreach (var item in items) spc.ReportDiagnostic(item.ToDiagnostic());
        });

        var models = results
            .Where(static result => result.Model != null)
            .Select(static (result, _) => result.Model!)
            .WithTrackingName(TrackingNames.Models);

        // Clients that share a namespace and a type name each move to a namespace of their own (CG1007).
        var placements = models.Collect()
            .Combine(graphQlModels.Collect())
            .Select(static (pair, _) => GeneratorCore.Place(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Placements);
        // Said only where code is generated: without a usable runtime the one CG0006/CG0007 is all a user sees.
        context.RegisterSourceOutput(placements.Combine(runtime), static (spc, pair) =>
        {
            if (!RuntimeReferenceCheck.IsUsable(pair.Right)) return;
            foreach (var relocation in pair.Left) spc.ReportDiagnostic(relocation.Warning.ToDiagnostic());
        });

        var placed = models
            .Combine(placements)
            .Select(static (pair, _) => GeneratorCore.Apply(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.PlacedModels);
        RegisterFiles(context, placed.Combine(runtime)
            .SelectMany(static (pair, _) => RuntimeReferenceCheck.IsUsable(pair.Right) ? GeneratorCore.Emit(pair.Left) : Enumerable.Empty<GeneratedFile>())
            .WithTrackingName(TrackingNames.GeneratedFiles));

        var placedGraphQl = graphQlModels
            .Combine(placements)
            .Select(static (pair, _) => GeneratorCore.Apply(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.PlacedGraphQlModels);
        RegisterFiles(context, placedGraphQl.Combine(runtime)
            .SelectMany(static (pair, _) => RuntimeReferenceCheck.IsUsable(pair.Right) ? GeneratorCore.Emit(pair.Left) : Enumerable.Empty<GeneratedFile>())
            .WithTrackingName(TrackingNames.GeneratedGraphQlFiles));
    }

    /// <summary>
    /// One output per file, not one per spec: a file whose text is unchanged is cached, so an edit to one operation of
    /// a large spec hands the compiler only the files it changed, and every other syntax tree is reused.
    /// </summary>
    private static void RegisterFiles(IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<GeneratedFile> files) =>
        context.RegisterSourceOutput(files, static (spc, file) => spc.AddSource(file.HintName, SourceText.From(file.Text, System.Text.Encoding.UTF8)));

    /// <summary>The GraphQL front end's diagnostics are registered here; its models are returned to be placed and emitted beside the REST ones.</summary>
    private static IncrementalValuesProvider<GraphQlClientModel> RegisterGraphQl(IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<SpecFile> files, IncrementalValueProvider<ImmutableArray<(SpecFile, SpecOptions)>> entries)
    {
        var items = entries
            .SelectMany(static (all, _) => GeneratorCore.GraphQlWorkItems(all))
            .WithTrackingName(TrackingNames.GraphQlWorkItems);
        var results = items
            .Select(static (item, ct) => GeneratorCore.Analyze(item, ct))
            .WithTrackingName(TrackingNames.GraphQlResults);
        var diagnostics = results
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.GraphQlDiagnostics);
        context.RegisterSourceOutput(diagnostics, static (spc, found) =>
        {
            foreach (var item in found) spc.ReportDiagnostic(item.ToDiagnostic());
        });
        var models = results
            .Where(static result => result.Model != null)
            .Select(static (result, _) => result.Model!)
            .WithTrackingName(TrackingNames.GraphQlModels);

        return models;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private sealed record FileOptions(string Path, string? Namespace, string? ClientName, bool Skip, OperationFilter Filter);
}
