using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClientGen.Runtime.Http;

/// <summary>
/// Retries what is safe to retry, and nothing else. GET, HEAD, OPTIONS, PUT and DELETE are retried on
/// 408, 429, 5xx, network errors and attempt timeouts. A POST or PATCH is retried only when it carries the
/// operation's idempotency key (sent byte-identical on every attempt), or when it provably never left the
/// client (the connection could not be made): a report run is never started twice by a retry.
/// Delays are exponential with jitter, or what Retry-After asks, and never run past the total timeout.
/// The loop is this handler's own: a Polly pipeline around it cost two more state machines a call (320 B, #18),
/// and the rules are all in <see cref="ShouldRetry"/>.
/// </summary>
public sealed class RetryHandler : DelegatingHandler
{
    private readonly RetryOptions _options;
    private readonly ILogger _logger;

    /// <summary>Creates the handler.</summary>
    public RetryHandler(RetryOptions? options = null, ILogger<RetryHandler>? logger = null)
    {
        _options = options ?? new RetryOptions();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>True when this handler repeats anything: a second retry layer beside it is then refused.</summary>
    internal bool Retries => _options.MaxRetries > 0;

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var time = _options.TimeProvider;
        // A call's own timeout (ApiCallOptions.Timeout) replaces the configured one, for that call only.
        var totalTimeout = ApiRequestMessage.TimeoutOf(request) is { } own && own > TimeSpan.Zero ? own : _options.TotalTimeout;
        var operation = ApiRequestMessage.OperationOf(request);
        await HttpRequestCloner.BufferAsync(request, cancellationToken).ConfigureAwait(false);
        // The call is its own deadline: owned by the response once one is returned (its body read is bounded by it), disposed here otherwise.
        var call = new RetryCall(request, operation, IsIdempotent(request, operation), totalTimeout, time.GetUtcNow() + totalTimeout, time, cancellationToken);
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                // The attempt is inline, not its own async method: one state machine per call, not one per attempt.
                var message = attempt == 0 ? request : await HttpRequestCloner.CloneAsync(request, cancellationToken).ConfigureAwait(false);
                call.LastSent = message;
                call.MayRetry = call.Idempotent;
                Arm(call);
                HttpResponseMessage? response = null;
                Exception? failure = null;
                try
                {
                    response = await base.SendAsync(message, call.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is OperationCanceledException or HttpRequestException && !cancellationToken.IsCancellationRequested)
                {
                    failure = Typed(call, ex); // the caller's own cancellation is not caught: never retried, never wrapped
                }
                if (attempt >= _options.MaxRetries || !ShouldRetry(call, response, failure, attempt))
                {
                    if (response is null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure!).Throw();
                    call.StampOn(response!.RequestMessage ?? call.LastSent);
                    return response;
                }
                if (_logger.IsEnabled(LogLevel.Warning))
                {
                    _logger.LogWarning("Retrying {Operation} after {Outcome} (attempt {Attempt} of {Max}) in {Delay} ms",
                        call.Operation, response is not null ? (int)response.StatusCode : failure!.GetType().Name,
                        attempt + 2, _options.MaxRetries + 1, (long)call.NextDelay.TotalMilliseconds);
                }
                response?.Dispose();
                // Bounded by the caller's token only: ShouldRetry never starts a wait that would end past the deadline.
                if (call.NextDelay > TimeSpan.Zero) await Task.Delay(call.NextDelay, time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            call.Dispose();
            throw;
        }
    }

    // The attempt's end when it comes first, else the call's: the same end then bounds the body of what it returns.
    private void Arm(RetryCall call)
    {
        var attemptEnds = _options.TimeProvider.GetUtcNow() + _options.AttemptTimeout;
        if (attemptEnds <= call.Deadline) call.Arm(attemptEnds, _options.AttemptTimeout, isTotal: false);
        else call.Arm(call.Deadline, call.TotalTimeout, isTotal: true);
    }

    /// <summary>An attempt's failure as the rules and the caller see it: a timeout says which one fired.</summary>
    private Exception Typed(RetryCall call, Exception failure)
    {
        if (failure is HttpRequestException http)
        {
            // Only a failure to connect proves the request never reached the server.
            call.MayRetry |= http.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError;
            return http;
        }
        if (!call.IsTotal) return new TimeoutException($"An attempt of '{call.Operation}' took longer than {_options.AttemptTimeout.TotalSeconds:0.###} s.", failure);
        call.MayRetry = false;
        return new TimeoutException(TotalTimeoutMessage(call), failure);
    }

    /// <summary>The rules, in one place: what failed, whether repeating it is safe, and whether the wait fits the deadline.</summary>
    private bool ShouldRetry(RetryCall call, HttpResponseMessage? response, Exception? failure, int attempt)
    {
        if (failure is not null && failure is not (TimeoutException or HttpRequestException)) return false;
        if (response is not null && !IsTransient(response.StatusCode)) return false;
        // A 429 is the rate limiter's refusal before any work was done, so it is safe to repeat for every method.
        var mayRetry = call.MayRetry || response?.StatusCode == HttpStatusCode.TooManyRequests;
        if (!mayRetry) return false;
        var now = _options.TimeProvider.GetUtcNow();
        var delay = (response is not null ? RetryAfter.Read(response, now) : null) ?? Backoff(attempt);
        // A wait that would end past the deadline is not started: the caller gets the server's answer (or the error) now.
        if (delay >= call.Deadline - now) return false;
        call.NextDelay = delay;
        return true;
    }

    private static string TotalTimeoutMessage(RetryCall call) => $"'{call.Operation}' did not complete within its total timeout of {call.TotalTimeout.TotalSeconds:0.###} s.";

    /// <summary>Exponential backoff with jitter: a uniform delay in [½·d, d] where d = min(max, base·2^attempt).</summary>
    private TimeSpan Backoff(int attempt)
    {
        var exponential = _options.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt);
        var capped = Math.Min(_options.MaxDelay.TotalMilliseconds, exponential);
        return TimeSpan.FromMilliseconds(capped * (0.5 + (_options.Random() * 0.5)));
    }

    private static bool IsIdempotent(HttpRequestMessage request, ApiOperation? operation)
    {
        var method = request.Method;
        if (method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options || method == HttpMethod.Put || method == HttpMethod.Delete || method == HttpMethod.Trace) return true;
        if (operation is not null)
        {
            if (operation.IsSafe) return true;
            if (operation.IdempotencyKeyHeader is { } header) return request.Headers.Contains(header);
        }
        return request.Headers.Contains("Idempotency-Key");
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500 && status != HttpStatusCode.NotImplemented;

    /// <summary>What one call's attempts share: the request as the caller gave it, its deadline, and what the last attempt found.</summary>
    private sealed class RetryCall(HttpRequestMessage request, ApiOperation? operation, bool idempotent, TimeSpan totalTimeout, DateTimeOffset deadline, TimeProvider time, CancellationToken caller)
        : CallDeadline(time, caller)
    {
        public TimeSpan TotalTimeout { get; } = totalTimeout;
        public HttpRequestMessage Request { get; } = request;
        // Named only in logs and messages, so the fallback string is built only when one is written.
        public string Operation => operation?.OperationId ?? Request.Method + " " + Request.RequestUri?.AbsolutePath;
        public bool Idempotent { get; } = idempotent;
        public DateTimeOffset Deadline { get; } = deadline;
        public HttpRequestMessage LastSent { get; set; } = request;
        public bool MayRetry { get; set; }
        public TimeSpan NextDelay { get; set; }
    }
}
