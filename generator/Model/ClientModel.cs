namespace ClientGen.Generator.Model;

/// <summary>Everything the emitter needs for one spec: a pure-data description of the client.</summary>
public sealed record ClientModel(
    string Namespace,
    string ClientName,
    string SourceFile,
    string? Title,
    string? Description,
    string? Version,
    EquatableArray<ServerModel> Servers,
    EquatableArray<OperationModel> Operations,
    EquatableArray<TypeModel> Types,
    EquatableArray<SecuritySchemeModel> SecuritySchemes,
    EquatableArray<string> DefaultSecurity,
    EquatableArray<WaiterModel> Waiters);

/// <summary>The outcome of parsing one spec: a model when one could be built, and its diagnostics.</summary>
public sealed record ParseResult(string SourceFile, ClientModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>One generated source file.</summary>
public sealed record GeneratedFile(string HintName, string Text);
