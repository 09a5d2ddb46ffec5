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
        var deadline = time.GetUtcNow() + _options.TotalTimeout;
        // Timers come from the injected TimeProvider, so fake time drives timeouts as well as delays.
        using var totalTimer = new CancellationTokenSource(_options.TotalTimeout, time);
        using var total = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, totalTimer.Token);
        var operation = request.Options.TryGetValue(ApiRequestOptions.Operation, out var op) ? op.OperationId : request.Method + " " + request.RequestUri?.AbsolutePath;
        var idempotent = IsIdempotent(request);
        await HttpRequestCloner.BufferAsync(request, cancellationToken).ConfigureAwait(false);

        for (var attempt = 0; ; attempt++)
        {
            var message = attempt == 0 ? request : await HttpRequestCloner.CloneAsync(request, cancellationToken).ConfigureAwait(false);
            HttpResponseMessage? response = null;
            Exception? failure = null;
            var mayRetry = idempotent;
            var attemptEnds = time.GetUtcNow() + _options.AttemptTimeout;
            using (var attemptTimer = new CancellationTokenSource(_options.AttemptTimeout, time))
            using (var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(total.Token, attemptTimer.Token))
            {
                try
                {
                    response = await base.SendAsync(message, attemptTimeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    throw; // the caller cancelled: never retried, never wrapped
                }
                catch (OperationCanceledException ex) when (total.IsCancellationRequested)
                {
                    throw new TimeoutException($"'{operation}' did not complete within its total timeout of {_options.TotalTimeout.TotalSeconds:0.###} s.", ex);
                }
                catch (OperationCanceledException ex)
                {
                    failure = new TimeoutException($"An attempt of '{operation}' took longer than {_options.AttemptTimeout.TotalSeconds:0.###} s.", ex);
                }
                catch (HttpRequestException ex)
                {
                    failure = ex;
                    // Only a failure to connect proves the request never reached the server.
                    mayRetry |= ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError;
                }
            }

            if (response is not null && !IsTransient(response.StatusCode)) return WithBodyDeadline(response, message, attemptEnds, deadline);
            // A 429 is the rate limiter's refusal before any work was done, so it is safe to repeat for every method.
            mayRetry |= response?.StatusCode == HttpStatusCode.TooManyRequests;
            var delay = response is not null ? RetryAfter.Read(response, time.GetUtcNow()) ?? Backoff(attempt) : Backoff(attempt);
            var remaining = deadline - time.GetUtcNow();
            if (!mayRetry || attempt >= _options.MaxRetries || delay >= remaining)
            {
                if (response is not null) return WithBodyDeadline(response, message, attemptEnds, deadline); // the caller sees the server's answer (typed by the client)
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure!).Throw();
            }

            _logger.LogWarning("Retrying {Operation} after {Outcome} (attempt {Attempt} of {Max}) in {Delay} ms",
                operation, response is not null ? (int)response.StatusCode : failure!.GetType().Name, attempt + 2, _options.MaxRetries + 1, (long)delay.TotalMilliseconds);
            response?.Dispose();
            try
            {
                await Task.Delay(delay, time, total.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"'{operation}' did not complete within its total timeout of {_options.TotalTimeout.TotalSeconds:0.###} s.");
            }
        }
    }

    private HttpResponseMessage WithBodyDeadline(HttpResponseMessage response, HttpRequestMessage sent, DateTimeOffset attemptEnds, DateTimeOffset callEnds)
    {
        var body = attemptEnds <= callEnds
            ? new BodyDeadline(attemptEnds, _options.TimeProvider, _options.AttemptTimeout, IsAttemptTimeout: true)
            : new BodyDeadline(callEnds, _options.TimeProvider, _options.TotalTimeout, IsAttemptTimeout: false);
        (response.RequestMessage ?? sent).Options.Set(BodyDeadline.Key, body);
        return response;
    }

    /// <summary>Exponential backoff with jitter: a uniform delay in [½·d, d] where d = min(max, base·2^attempt).</summary>
    private TimeSpan Backoff(int attempt)
    {
        var exponential = _options.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt);
        var capped = Math.Min(_options.MaxDelay.TotalMilliseconds, exponential);
        return TimeSpan.FromMilliseconds(capped * (0.5 + (_options.Random() * 0.5)));
    }

    private static bool IsIdempotent(HttpRequestMessage request)
    {
        var method = request.Method.Method.ToUpperInvariant();
        if (method is "GET" or "HEAD" or "OPTIONS" or "PUT" or "DELETE" or "TRACE") return true;
        if (request.Options.TryGetValue(ApiRequestOptions.Operation, out var operation))
        {
            if (operation.IsSafe) return true;
            if (operation.IdempotencyKeyHeader is { } header) return request.Headers.Contains(header);
        }
        return request.Headers.Contains("Idempotency-Key");
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500 && status != HttpStatusCode.NotImplemented;
}
