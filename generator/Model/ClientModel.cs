namespace ClientGen.Generator.Model;

/// <summary>Everything the emitter needs for one spec: a pure-data description of the client.</summary>
public sealed record ClientModel
{
    public required ClientShape Shape { get; init; }

    public required string SourceFile { get; init; }

    public string? Title { get; init; }

    public string? Description { get; init; }

    public string? Version { get; init; }

    public required EquatableArray<OperationModel> Operations { get; init; }

    public required EquatableArray<TypeModel> Types { get; init; }


    public required EquatableArray<WaiterModel> Waiters { get; init; }

    /// <summary>Each operation's twin that returns its response's status and headers beside its value.</summary>
    public EquatableArray<ResponseMethodModel> ResponseMethods { get; init; } = EquatableArray<ResponseMethodModel>.Empty;

    /// <summary>The paged operations' item streams (<c>x-clientgen-pagination</c>).</summary>
    public EquatableArray<PaginationModel> Paginations { get; init; } = EquatableArray<PaginationModel>.Empty;
}

/// <summary>The outcome of parsing one spec: a model when one could be built, and its diagnostics.</summary>
public sealed record ParseResult(string SourceFile, ClientModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>One generated source file.</summary>
public sealed record GeneratedFile(string HintName, string Text);

/// <summary><c>{Operation}WithResponseAsync</c>: an extension method over the client's interface, named in the client's method scope.</summary>
public sealed record ResponseMethodModel(OperationModel Operation, string Name);
