using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using ClientGen.Generator.Common;
using ClientGen.Generator.Emit;
using ClientGen.Generator.GraphQl;
using ClientGen.Generator.Model;
using ClientGen.Generator.OpenApi;

namespace ClientGen.Generator;

/// <summary>
/// What happens between spec files and generated files, once: discover the work items, parse each (OpenAPI) or
/// analyze each folder (GraphQL), place clients that would collide (CG1007), emit. <see cref="ClientGenGenerator"/>
/// runs each step in its own cached pipeline node; <c>clientgen generate</c> runs them all with <see cref="Run"/>,
/// so the files it writes are the ones a build compiles.
/// </summary>
public static class GeneratorCore
{
    /// <summary>One per OpenAPI root among the files that are not GraphQL (a build's AdditionalFiles arrive filtered by extension; files named on the command line do not).</summary>
    public static ImmutableArray<SpecWorkItem> OpenApiWorkItems(ImmutableArray<(SpecFile File, SpecOptions Options)> entries) =>
        SpecDiscovery.CreateWorkItems(entries.Where(e => !GraphQlDiscovery.IsGraphQl(e.File.Path)).ToImmutableArray());

    /// <summary>One per folder of GraphQL files (a schema and its operations).</summary>

    public static ImmutableArray<GraphQlWorkItem> GraphQlWorkItems(ImmutableArray<(SpecFile File, SpecOptions Options)> entries) =>
        GraphQlDiscovery.CreateWorkItems(entries);

    public static ParseResult Parse(SpecWorkItem item, CancellationToken cancellationToken) => OpenApiParser.Parse(item, cancellationToken);

    public static GraphQlResult Analyze(GraphQlWorkItem item, CancellationToken cancellationToken) => GraphQlAnalyzer.Process(item, cancellationToken);

    public static EquatableArray<Relocation> Place(IReadOnlyList<ClientModel> rest, IReadOnlyList<GraphQlClientModel> graphQl) => ClientPlacement.Place(rest, graphQl);

    public static ClientModel Apply(ClientModel model, EquatableArray<Relocation> placements) => ClientPlacement.Apply(model, placements);

    public static GraphQlClientModel Apply(GraphQlClientModel model, EquatableArray<Relocation> placements) => ClientPlacement.Apply(model, placements);

    public static IEnumerable<GeneratedFile> Emit(ClientModel model) => Emitter.Emit(model);

    public static IEnumerable<GeneratedFile> Emit(GraphQlClientModel model) => GraphQlEmitter.Emit(model);

    /// <summary>Every step for every spec among <paramref name="entries"/>, OpenAPI documents first, each in discovery order.</summary>
    public static ImmutableArray<GeneratedSpec> Run(ImmutableArray<(SpecFile File, SpecOptions Options)> entries, CancellationToken cancellationToken)
    {
        var rest = OpenApiWorkItems(entries).Select(item => Parse(item, cancellationToken)).ToList();
        var graphQl = GraphQlWorkItems(entries).Select(item => Analyze(item, cancellationToken)).ToList();
        var placements = Place(rest.Where(r => r.Model != null).Select(r => r.Model!).ToList(), graphQl.Where(r => r.Model != null).Select(r => r.Model!).ToList());

        var specs = ImmutableArray.CreateBuilder<GeneratedSpec>(rest.Count + graphQl.Count);
        foreach (var result in rest)
        {
            var placed = result.Model == null ? null : Apply(result.Model, placements);
            specs.Add(Generated(result.SourceFile, GeneratedSpecKind.OpenApi, result.Diagnostics, placements, placed?.Shape, placed?.Operations.Count, placed?.Types.Count, placed == null ? null : Emit(placed)));
        }
        foreach (var result in graphQl)
        {
            var placed = result.Model == null ? null : Apply(result.Model, placements);
            specs.Add(Generated(result.Folder, GeneratedSpecKind.GraphQl, result.Diagnostics, placements, placed?.Shape, placed?.Operations.Count, placed?.Types.Count, placed == null ? null : Emit(placed)));
        }
        return specs.MoveToImmutable();
    }

    // Its own diagnostics, then its CG1007 when placement moved it.
    private static GeneratedSpec Generated(string source, GeneratedSpecKind kind, EquatableArray<DiagnosticInfo> diagnostics, EquatableArray<Relocation> placements, ClientShape? client, int? operations, int? types, IEnumerable<GeneratedFile>? files) => new()
    {
        Source = source,
        Kind = kind,
        Diagnostics = diagnostics.Concat(placements.Where(r => r.Key == source).Select(r => r.Warning)).ToImmutableArray(),
        Client = client,
        Operations = operations ?? 0,
        Types = types ?? 0,
        Files = files?.ToImmutableArray() ?? ImmutableArray<GeneratedFile>.Empty,
    };
}

public enum GeneratedSpecKind
{
    OpenApi,
    GraphQl,
}

/// <summary>One spec (an OpenAPI root, or a GraphQL folder) after every step: no client when it had errors.</summary>
public sealed record GeneratedSpec
{
    /// <summary>The root document's path, or the GraphQL folder.</summary>
    public required string Source { get; init; }

    public required GeneratedSpecKind Kind { get; init; }

    /// <summary>Its own diagnostics, then its CG1007 if it was moved.</summary>
    public required ImmutableArray<DiagnosticInfo> Diagnostics { get; init; }

    /// <summary>The client's name and namespace, as placed; null when nothing was generated.</summary>
    public ClientShape? Client { get; init; }

    public int Operations { get; init; }

    /// <summary>The named types it generated.</summary>
    public int Types { get; init; }

    public ImmutableArray<GeneratedFile> Files { get; init; } = ImmutableArray<GeneratedFile>.Empty;
}
