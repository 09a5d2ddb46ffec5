using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace ClientGen.Runtime.Polling;

/// <summary>
/// Polls a status operation until a final status, following Smithy's waiter algorithm: exponential
/// delays with jitter between a minimum and a maximum, and one last poll exactly at the deadline.
/// A throttled, failing or timed-out poll never ends the wait; it is reported and retried.
/// </summary>
public static class Waiter
{
    /// <summary>Waits for <paramref name="definition"/> to be met, returning the final successful response.</summary>
    /// <param name="definition">The statuses and delays.</param>
    /// <param name="poll">Calls the status operation.</param>
    /// <param name="status">Reads the status value from a response.</param>
    /// <param name="cancelOnVendor">Cancels the work on the vendor, when the spec names a cancel operation.</param>
    /// <param name="options">Deadline, progress, cancellation behaviour.</param>
    /// <param name="time">The clock.</param>
    /// <param name="cancellationToken">Stops waiting (and, if asked, cancels the work on the vendor).</param>
    /// <exception cref="WaiterFailedException">A failure status was reached.</exception>
    /// <exception cref="WaiterTimeoutException">The deadline passed first.</exception>
    public static async Task<T> WaitAsync<T>(
        WaiterDefinition definition,
        Func<CancellationToken, Task<T>> poll,
        Func<T, string?> status,
        Func<CancellationToken, Task>? cancelOnVendor,
        WaitOptions? options,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(poll);
        ArgumentNullException.ThrowIfNull(status);
        options ??= new WaitOptions();
        if (options.MinDelay is not null || options.MaxDelay is not null)
        {
            var min = options.MinDelay ?? definition.MinDelay;
            definition = definition with { MinDelay = min, MaxDelay = TimeSpan.FromTicks(Math.Max(min.Ticks, (options.MaxDelay ?? definition.MaxDelay).Ticks)) };
        }
        var random = options.Random ?? System.Random.Shared.NextDouble;
        var start = time.GetUtcNow();
        var deadline = start + (options.Timeout ?? definition.DefaultTimeout);
        string? lastStatus = null;
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                TimeSpan? serverDelay = null;
                try
                {
                    // A poll in flight ends at the deadline; one sent at the deadline (the last) gets FinalPollBudget.
                    var budget = deadline - time.GetUtcNow();
                    using var pollTimer = new CancellationTokenSource(budget > FinalPollBudget ? budget : FinalPollBudget, time);
                    using var pollCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, pollTimer.Token);
                    var response = await poll(pollCancellation.Token).ConfigureAwait(false);
                    var value = status(response);
                    lastStatus = value;
                    options.Progress?.Report(new WaitProgress(attempt, value, time.GetUtcNow() - start, null));
                    if (value is not null && definition.Success.Contains(value, StringComparer.Ordinal)) return response;
                    if (value is not null && definition.Failure.Contains(value, StringComparer.Ordinal)) throw new WaiterFailedException(definition.Name, value, response);
                    var known = value is not null && definition.Pending.Contains(value, StringComparer.Ordinal);
                    if (!known && options.UnknownStatus == UnknownStatusBehavior.Fail) throw new WaiterFailedException(definition.Name, value ?? "(none)", response, unknownStatus: true);
                }
                catch (Exception ex) when (IsTransient(ex, cancellationToken))
                {
                    options.Progress?.Report(new WaitProgress(attempt, null, time.GetUtcNow() - start, ex));
                    if (ex is ApiException { StatusCode: 429 } throttled) serverDelay = RetryAfterOf(throttled, time.GetUtcNow());
                }

                var remaining = deadline - time.GetUtcNow();
                if (remaining <= TimeSpan.Zero) throw new WaiterTimeoutException(definition.Name, lastStatus, attempt, time.GetUtcNow() - start);
                var delay = Delay(definition, attempt, random);
                if (serverDelay is { } asked && asked > delay) delay = asked;
                // Smithy: when too little time would be left after this delay, wait the rest and poll one last time at the deadline.
                if (remaining - delay < definition.MinDelay) delay = remaining;
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && options.CancelOnVendorWhenCancelled && cancelOnVendor is not null)
        {
            // The caller gave up: stop the work on the vendor too, with a short budget of its own.
            using var cancelBudget = new CancellationTokenSource(TimeSpan.FromSeconds(30), time);
            try
            {
                await cancelOnVendor(cancelBudget.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is ApiException or HttpRequestException or OperationCanceledException or TimeoutException)
            {
                // Best effort: the caller's cancellation is what they asked for and is what they get.
            }
            throw;
        }
    }

    /// <summary>How long the last poll, sent at the deadline, may take: a wait ends this close to its deadline whatever is in flight.</summary>
    public static TimeSpan FinalPollBudget { get; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The delay before poll <paramref name="attempt"/> + 1: uniform in [min, min(max, min·2^(attempt−1))].</summary>
    public static TimeSpan Delay(WaiterDefinition definition, int attempt, Func<double> random)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(random);
        var min = definition.MinDelay.TotalMilliseconds;
        var upper = Math.Min(definition.MaxDelay.TotalMilliseconds, min * Math.Pow(2, Math.Min(attempt - 1, 30)));
        return TimeSpan.FromMilliseconds(min + ((upper - min) * random()));
    }

    private static bool IsTransient(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        WaiterFailedException => false,
        ApiResponseFormatException => true,
        ApiException api => api.StatusCode is 408 or 429 or >= 500,
        HttpRequestException or TimeoutException => true,
        _ => false,
    };

    private static TimeSpan? RetryAfterOf(ApiException exception, DateTimeOffset now) =>
        exception.Headers.TryGetValue("Retry-After", out var values) && values.Count > 0 ? Http.RetryAfter.Parse(values[0], now) : null;
}
