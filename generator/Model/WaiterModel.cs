namespace ClientGen.Generator.Model;

/// <summary>
/// A waiter declared with <c>x-clientgen-waiters</c> on a status operation: becomes a
/// <c>WaitFor{Name}Async</c> method, and a <c>{Start}AndWaitAsync</c> method when a start operation is named.
/// Paths are C# property names, already resolved against the response types.
/// </summary>
public sealed record WaiterModel(
    string Name,
    string? Description,
    string StatusMethod,
    EquatableArray<PathHop> StatusPath,
    EquatableArray<string> Success,
    EquatableArray<string> Failure,
    EquatableArray<string> Pending,
    double MinDelaySeconds,
    double MaxDelaySeconds,
    double TimeoutSeconds,
    string? CancelMethod,
    string? StartMethod,
    EquatableArray<PathHop> StartIdPath,
    string? EntityParameter);

/// <summary>One step of a property path: the C# property and whether it may be null.</summary>
public sealed record PathHop(string Property, bool IsNullable);
