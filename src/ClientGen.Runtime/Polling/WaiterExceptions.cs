using System;

namespace ClientGen.Runtime.Polling;

/// <summary>The work reached a failure status (for example Zuora's CANCELLED, INVALID or ERROR).</summary>
public sealed class WaiterFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WaiterFailedException(string waiter, string status, object? lastResponse, bool unknownStatus = false)
        : base(unknownStatus ? $"{waiter}: the status '{status}' is not one the spec lists." : $"{waiter}: the work ended with status '{status}'.")
    {
        Waiter = waiter;
        Status = status;
        LastResponse = lastResponse;
    }

    /// <summary>The waiter.</summary>
    public string Waiter { get; }

    /// <summary>The failure status.</summary>
    public string Status { get; }

    /// <summary>The last status response (cast to the status operation's response type).</summary>
    public object? LastResponse { get; }
}

/// <summary>The deadline passed before the work reached a final status. The work itself may still be running.</summary>
public sealed class WaiterTimeoutException : TimeoutException
{
    /// <summary>Creates the exception.</summary>
    public WaiterTimeoutException(string waiter, string? lastStatus, int attempts, TimeSpan elapsed)
        : base($"{waiter}: no final status within {elapsed.TotalSeconds:0.#} s after {attempts} polls (last status: {lastStatus ?? "none"}).")
    {
        Waiter = waiter;
        LastStatus = lastStatus;
        Attempts = attempts;
        Elapsed = elapsed;
    }

    /// <summary>The waiter.</summary>
    public string Waiter { get; }

    /// <summary>The last status seen, if any.</summary>
    public string? LastStatus { get; }

    /// <summary>Polls made.</summary>
    public int Attempts { get; }

    /// <summary>Time waited.</summary>
    public TimeSpan Elapsed { get; }
}
