namespace ClientGen.Generator;

/// <summary>Names of the pipeline steps, so tests can assert each one is cached on an unrelated edit.</summary>
public static class TrackingNames
{
    public const string SpecFiles = nameof(SpecFiles);
    public const string SpecOptions = nameof(SpecOptions);
    public const string WorkItems = nameof(WorkItems);
    public const string ParseResults = nameof(ParseResults);
    public const string Models = nameof(Models);
    public const string Diagnostics = nameof(Diagnostics);
    public const string RootNamespace = nameof(RootNamespace);
    public const string GraphQlWorkItems = nameof(GraphQlWorkItems);
    public const string GraphQlDiagnostics = nameof(GraphQlDiagnostics);
    public const string GraphQlResults = nameof(GraphQlResults);
    public const string GraphQlModels = nameof(GraphQlModels);
    public const string RuntimeReference = nameof(RuntimeReference);
    public const string Placements = nameof(Placements);
    public const string PlacedModels = nameof(PlacedModels);
    public const string PlacedGraphQlModels = nameof(PlacedGraphQlModels);
    public const string GeneratedFiles = nameof(GeneratedFiles);
    public const string GeneratedGraphQlFiles = nameof(GeneratedGraphQlFiles);

    public static readonly string[] All = { SpecFiles, SpecOptions, WorkItems, ParseResults, Models, Diagnostics, RootNamespace, GraphQlWorkItems, GraphQlResults, GraphQlDiagnostics, GraphQlModels, RuntimeReference, Placements, PlacedModels, PlacedGraphQlModels, GeneratedFiles, GeneratedGraphQlFiles };
}
