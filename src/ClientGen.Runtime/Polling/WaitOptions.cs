using System;

namespace ClientGen.Runtime.Polling;

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

    /// <summary>
    /// The options of every call the wait makes (each poll, and the cancel on the vendor): entity, headers, track id.
    /// A start-and-wait without them uses the start's, minus its idempotency key; a resume adds the handle's entity.
    /// </summary>
    public ApiCallOptions? CallOptions { get; set; }

    /// <summary>Called by a start-and-wait method once the work has started, with a handle to persist so another process can resume the wait.</summary>
    public Action<OperationHandle>? Started { get; set; }
}

/// <summary>One observation during a wait.</summary>
/// <param name="Attempt">The poll number, from 1.</param>
/// <param name="Status">The status read, or null when the poll failed.</param>
/// <param name="Elapsed">Time since the wait began.</param>
/// <param name="TransientError">The error of a failed poll (429, 5xx, timeout), which does not end the wait.</param>
public sealed record WaitProgress(int Attempt, string? Status, TimeSpan Elapsed, Exception? TransientError);
