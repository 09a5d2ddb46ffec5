using System;
using System.Collections.Generic;

namespace ClientGen.Runtime.Polling;

/// <summary>
/// A waiter declared in the spec (<c>x-clientgen-waiters</c>): which status values end the wait with success
/// or failure, which mean "keep polling", and the delays. Generated clients emit one per declaration.
/// </summary>
/// <param name="Name">The waiter's name, such as ReportRunCompleted.</param>
/// <param name="Success">Status values that end the wait successfully.</param>
/// <param name="Failure">Status values that end the wait with a <see cref="WaiterFailedException"/>.</param>
/// <param name="Pending">Status values that mean the work is still in progress.</param>
public sealed record WaiterDefinition(string Name, IReadOnlyList<string> Success, IReadOnlyList<string> Failure, IReadOnlyList<string> Pending)
{
    /// <summary>The shortest delay between polls. Default 2 s (Smithy's default).</summary>
    public TimeSpan MinDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest delay between polls. Default 120 s (Smithy's default).</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>How long a wait may take when the caller sets no timeout. There is always a deadline.</summary>
    public TimeSpan DefaultTimeout { get; init; } = TimeSpan.FromMinutes(30);
}

/// <summary>What to do with a status value the waiter's definition does not list.</summary>
public enum UnknownStatusBehavior
{
    /// <summary>Report it through progress and keep polling until the deadline (the default: a newer server's new interim state should not fail a run).</summary>
    KeepPolling,

    /// <summary>End the wait with a <see cref="WaiterFailedException"/>.</summary>
    Fail,
}

/// <summary>Options for one wait.</summary>
public sealed class WaitOptions
{
    /// <summary>The longest the wait may take; the waiter's default when null.</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>Receives every status observed (and transient poll errors).</summary>
    public IProgress<WaitProgress>? Progress { get; set; }

    /// <summary>When the caller's token is cancelled, also cancel the work on the vendor (for example Zuora's DELETE of the run).</summary>
    public bool CancelOnVendorWhenCancelled { get; set; }

    /// <summary>What an unlisted status means.</summary>
    public UnknownStatusBehavior UnknownStatus { get; set; } = UnknownStatusBehavior.KeepPolling;

    /// <summary>The shortest delay between polls; the waiter's (from the spec) when null. Lower it against a simulator or a fast tenant.</summary>
    public TimeSpan? MinDelay { get; set; }

    /// <summary>The longest delay between polls; the waiter's (from the spec) when null.</summary>
    public TimeSpan? MaxDelay { get; set; }

    /// <summary>A source of uniform values in [0, 1) for delay jitter (inject a fixed one in tests).</summary>
    public Func<double>? Random { get; set; }

    /// <summary>Called by a start-and-wait method once the work has started, with a handle to persist so another process can resume the wait.</summary>
    public Action<OperationHandle>? Started { get; set; }
}

/// <summary>One observation during a wait.</summary>
/// <param name="Attempt">The poll number, from 1.</param>
/// <param name="Status">The status read, or null when the poll failed.</param>
/// <param name="Elapsed">Time since the wait began.</param>
/// <param name="TransientError">The error of a failed poll (429, 5xx, timeout), which does not end the wait.</param>
public sealed record WaitProgress(int Attempt, string? Status, TimeSpan Elapsed, Exception? TransientError);
