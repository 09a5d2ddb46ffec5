namespace ClientGen.Generator.Model;

/// <summary>A GraphQL client: one method per operation, plus its declared waiters; result, enum and input types reuse the REST type model.</summary>
public sealed record GraphQlClientModel(
    ClientShape Shape,
    string Folder,
    EquatableArray<GraphQlOperationModel> Operations,
    EquatableArray<TypeModel> Types,
    EquatableArray<GraphQlWaiterModel> Waiters);

/// <summary>One operation: its document (with the fragments it uses), variables and result type.</summary>
public sealed record GraphQlOperationModel(string MethodName, string OperationName, string Kind, string Document, EquatableArray<GraphQlVariableModel> Variables, string ResultType);

/// <summary>A variable, as a method parameter.</summary>
public sealed record GraphQlVariableModel(string Name, string WireName, TypeRef Type, bool IsRequired);

/// <summary>What the GraphQL front end produced for one folder.</summary>
public sealed record GraphQlResult(string Folder, GraphQlClientModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);
