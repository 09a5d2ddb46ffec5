namespace ClientGen.Generator.Model;

/// <summary>
/// A waiter declared with <c>x-clientgen-waiters</c> on a status operation: becomes a
/// <c>WaitFor{Name}Async</c> method, and a <c>{Start}AndWaitAsync</c> method when a start operation is named.
/// Paths are C# property names, already resolved against the response types; every choice the emitter makes
/// (which operations, which arguments, whether a handle can resume it) is decided here by the front end.
/// </summary>
public sealed record WaiterModel
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    /// <summary>The operation polled; its required parameters are the wait's.</summary>
    public required OperationModel Status { get; init; }

    public required EquatableArray<PathHop> StatusPath { get; init; }

    public required WaiterPolicy Policy { get; init; }

    /// <summary>What cancels the work on the vendor when the caller's token is cancelled, if the spec names it.</summary>
    public WaiterCancel? Cancel { get; init; }

    /// <summary>The operation that starts the work, for <c>{Start}AndWaitAsync</c>.</summary>
    public OperationModel? Start { get; init; }

    public EquatableArray<PathHop> StartIdPath { get; init; } = EquatableArray<PathHop>.Empty;

    /// <summary>The run among a listing's items, when the status operation lists runs.</summary>
    public WaiterSelection? Selection { get; init; }

    /// <summary>Values every poll passes to the status operation.</summary>
    public EquatableArray<FixedArgument> FixedArguments { get; init; } = EquatableArray<FixedArgument>.Empty;

    /// <summary>True when one id addresses the wait (a selection's, or the status operation's one string parameter), so a handle can resume it.</summary>
    public required bool IsResumable { get; init; }
}

/// <summary>
/// A waiter on an operation that lists runs: the item whose <see cref="ItemProperty"/> equals the wait's
/// <see cref="IdParameter"/> is the one followed.
/// </summary>
public sealed record WaiterSelection(EquatableArray<PathHop> ItemsPath, TypeRef ItemType, string ItemProperty, string IdParameter, TypeRef IdType);

/// <summary>A value every poll passes to one of the status operation's parameters, as a C# literal.</summary>
public sealed record FixedArgument(string Parameter, string Literal);

/// <summary>The cancel operation's method and the wait's parameters it is called with.</summary>
public sealed record WaiterCancel(string MethodName, EquatableArray<string> Arguments);

/// <summary>One step of a property path: the C# property and whether it may be null.</summary>
public sealed record PathHop(string Property, bool IsNullable);
