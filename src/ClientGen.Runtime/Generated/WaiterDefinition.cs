using System;
using System.Collections.Generic;
using ClientGen.Runtime.Polling;

namespace ClientGen.Runtime.Generated;

/// <summary>
/// A waiter declared in the spec (<c>x-clientgen-waiters</c>): which status values end the wait with success
/// or failure, which mean "keep polling", and the delays. Generated clients emit one per declaration.
/// </summary>
/// <param name="Name">The waiter's name, such as ReportRunCompleted.</param>
/// <param name="Success">Status values that end the wait successfully.</param>
/// <param name="Failure">Status values that end the wait with a <see cref="WaiterFailedException"/>.</param>
/// <param name="Pending">Status values that mean the work is still in progress.</param>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed record WaiterDefinition(string Name, IReadOnlyList<string> Success, IReadOnlyList<string> Failure, IReadOnlyList<string> Pending)
{
    /// <summary>The shortest delay between polls. Default 2 s (Smithy's default).</summary>
    public TimeSpan MinDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest delay between polls. Default 120 s (Smithy's default).</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>How long a wait may take when the caller sets no timeout. There is always a deadline.</summary>
    public TimeSpan DefaultTimeout { get; init; } = TimeSpan.FromMinutes(30);
}
