namespace ClientGen.Generator.Model;

/// <summary>
/// A waiter declared with <c>@clientgen_waiter</c> on the schema, the GraphQL counterpart of <c>x-clientgen-waiters</c>:
/// <c>WaitFor{Name}Async</c> polls the status query, <c>{Start}AndWaitAsync</c> sends the start mutation once, and a
/// handle resumes the wait. Paths are C# property names already resolved against the operations' result records.
/// </summary>
public sealed record GraphQlWaiterModel
{
    public required string Name { get; init; }

    /// <summary>The query polled; its variables are the wait's parameters.</summary>
    public required GraphQlOperationModel Status { get; init; }

    public required EquatableArray<PathHop> StatusPath { get; init; }

    public required WaiterPolicy Policy { get; init; }

    /// <summary>The status variable (C# parameter) that identifies the work: a handle's id, and what the start returns.</summary>
    public required string IdVariable { get; init; }

    /// <summary>The operation that starts the work, for <c>{Start}AndWaitAsync</c>.</summary>
    public GraphQlOperationModel? Start { get; init; }

    public EquatableArray<PathHop> StartIdPath { get; init; } = EquatableArray<PathHop>.Empty;

    /// <summary>Status variables the start's own variables fill (Zscaler's reportId is processReport's id).</summary>
    public EquatableArray<CarriedVariable> Carried { get; init; } = EquatableArray<CarriedVariable>.Empty;

    /// <summary>The file the finished work links to, when <c>@clientgen_download</c> names this waiter.</summary>
    public GraphQlDownloadModel? Download { get; init; }
}

/// <summary>A status variable (<see cref="StatusVariable"/>) given the value of one of the start's (<see cref="StartVariable"/>), as C# parameter names.</summary>
public sealed record CarriedVariable(string StatusVariable, string StartVariable);

/// <summary>
/// <c>Download{Name}Async</c> and <c>Download{Name}ToFileAsync</c>: the link at <see cref="LinkPath"/> of the status
/// query's result, fetched without the API's credentials; <see cref="ExpiredStatuses"/> from the file host ask the status again once.
/// </summary>
public sealed record GraphQlDownloadModel(string Name, EquatableArray<PathHop> LinkPath, EquatableArray<int> ExpiredStatuses);
