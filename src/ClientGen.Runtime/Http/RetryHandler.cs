using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;

namespace ClientGen.Runtime.Http;

/// <summary>
/// Retries what is safe to retry, and nothing else. GET, HEAD, OPTIONS, PUT and DELETE are retried on
/// 408, 429, 5xx, network errors and attempt timeouts. A POST or PATCH is retried only when it carries the
/// operation's idempotency key (sent byte-identical on every attempt), or when it provably never left the
/// client (the connection could not be made): a report run is never started twice by a retry.
/// Delays are exponential with jitter, or what Retry-After asks, and never run past the total timeout.
/// The loop is a Polly retry strategy (<see cref="RetryStrategyOptions{TResult}"/>) whose predicate is these rules.
/// </summary>
public sealed class RetryHandler : DelegatingHandler
{
    private static readonly ResiliencePropertyKey<RetryCall> s_call = new("ClientGen.RetryCall");

    private readonly RetryOptions _options;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    /// <summary>Creates the handler.</summary>
    public RetryHandler(RetryOptions? options = null, ILogger<RetryHandler>? logger = null)
    {
        _options = options ?? new RetryOptions();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _options.TimeProvider };
        // Polly needs at least one retry; with none the pipeline is empty and each call is one attempt.
        if (_options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = _options.MaxRetries,
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Context.Properties.GetValue(s_call, null!), args.Outcome, args.AttemptNumber)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(args.Context.Properties.GetValue(s_call, null!).NextDelay),
                OnRetry = args =>
                {
                    var call = args.Context.Properties.GetValue(s_call, null!);
                    _logger.LogWarning("Retrying {Operation} after {Outcome} (attempt {Attempt} of {Max}) in {Delay} ms",
                        call.Operation, args.Outcome.Result is { } response ? (int)response.StatusCode : args.Outcome.Exception!.GetType().Name,
                        args.AttemptNumber + 2, _options.MaxRetries + 1, (long)args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            });
        }
        _pipeline = builder.Build();
    }

    /// <summary>True when this handler repeats anything: a second retry layer beside it is then refused.</summary>
    internal bool Retries => _options.MaxRetries > 0;

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var time = _options.TimeProvider;
        // A call's own timeout (ApiCallOptions.Timeout) replaces the configured one, for that call only.
        var totalTimeout = request.Options.TryGetValue(ApiRequestOptions.Timeout, out var own) && own > TimeSpan.Zero ? own : _options.TotalTimeout;
        // Timers come from the injected TimeProvider, so fake time drives timeouts as well as delays.
        using var totalTimer = new CancellationTokenSource(totalTimeout, time);
        using var total = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, totalTimer.Token);
        var operation = request.Options.TryGetValue(ApiRequestOptions.Operation, out var op) ? op.OperationId : request.Method + " " + request.RequestUri?.AbsolutePath;
        await HttpRequestCloner.BufferAsync(request, cancellationToken).ConfigureAwait(false);
        var call = new RetryCall(request, operation, IsIdempotent(request), totalTimeout, time.GetUtcNow() + totalTimeout, total.Token, cancellationToken);

        var context = ResilienceContextPool.Shared.Get(total.Token);
        context.Properties.Set(s_call, call);
        Outcome<HttpResponseMessage> outcome;
        try
        {
            outcome = await _pipeline.ExecuteOutcomeAsync(static (context, state) => state.Handler.AttemptAsync(state.Call), context, (Handler: this, Call: call)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        if (outcome.Result is { } response) return WithBodyDeadline(response, call);
        var failure = outcome.Exception!;
        if (failure is OperationCanceledException && cancellationToken.IsCancellationRequested) throw failure; // the caller cancelled: never retried, never wrapped
        // Only the retry's own delay ends this way (an attempt's failures are already typed): the total timeout fired while waiting.
        if (failure is OperationCanceledException) throw new TimeoutException(TotalTimeoutMessage(call), failure);
        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        throw failure; // not reached
    }

    /// <summary>One attempt: a fresh copy of the request after the first, under the attempt's timeout; failures become outcomes for the predicate.</summary>
    private async ValueTask<Outcome<HttpResponseMessage>> AttemptAsync(RetryCall call)
    {
        var message = call.Attempts++ == 0 ? call.Request : await HttpRequestCloner.CloneAsync(call.Request, call.Total).ConfigureAwait(false);
        call.LastSent = message;
        call.MayRetry = call.Idempotent;
        call.AttemptEnds = _options.TimeProvider.GetUtcNow() + _options.AttemptTimeout;
        using var attemptTimer = new CancellationTokenSource(_options.AttemptTimeout, _options.TimeProvider);
        using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(call.Total, attemptTimer.Token);
        try
        {
            return Outcome.FromResult(await base.SendAsync(message, attemptTimeout.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException ex) when (call.Total.IsCancellationRequested)
        {
            // The caller's own cancellation is told apart (and rethrown as it is) once the pipeline returns.
            call.MayRetry = false;
            return Outcome.FromException<HttpResponseMessage>(call.Caller.IsCancellationRequested ? ex : new TimeoutException(TotalTimeoutMessage(call), ex));
        }
        catch (OperationCanceledException ex)
        {
            return Outcome.FromException<HttpResponseMessage>(new TimeoutException($"An attempt of '{call.Operation}' took longer than {_options.AttemptTimeout.TotalSeconds:0.###} s.", ex));
        }
        catch (HttpRequestException ex)
        {
            // Only a failure to connect proves the request never reached the server.
            call.MayRetry |= ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError;
            return Outcome.FromException<HttpResponseMessage>(ex);
        }
    }

    /// <summary>The rules, in one place: what failed, whether repeating it is safe, and whether the wait fits the deadline.</summary>
    private bool ShouldRetry(RetryCall call, Outcome<HttpResponseMessage> outcome, int attempt)
    {
        if (outcome.Exception is { } failure && failure is not (TimeoutException or HttpRequestException)) return false;
        var response = outcome.Result;
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

    private HttpResponseMessage WithBodyDeadline(HttpResponseMessage response, RetryCall call)
    {
        var body = call.AttemptEnds <= call.Deadline
            ? new BodyDeadline(call.AttemptEnds, _options.TimeProvider, _options.AttemptTimeout, IsAttemptTimeout: true)
            : new BodyDeadline(call.Deadline, _options.TimeProvider, call.TotalTimeout, IsAttemptTimeout: false);
        (response.RequestMessage ?? call.LastSent).Options.Set(BodyDeadline.Key, body);
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

    /// <summary>What one call's attempts share: the request as the caller gave it, its deadline, and what the last attempt found.</summary>
    private sealed class RetryCall(HttpRequestMessage request, string operation, bool idempotent, TimeSpan totalTimeout, DateTimeOffset deadline, CancellationToken total, CancellationToken caller)
    {
        public TimeSpan TotalTimeout { get; } = totalTimeout;
        public HttpRequestMessage Request { get; } = request;
        public string Operation { get; } = operation;
        public bool Idempotent { get; } = idempotent;
        public DateTimeOffset Deadline { get; } = deadline;
        public CancellationToken Total { get; } = total;
        public CancellationToken Caller { get; } = caller;
        public int Attempts { get; set; }
        public HttpRequestMessage LastSent { get; set; } = request;
        public DateTimeOffset AttemptEnds { get; set; }
        public bool MayRetry { get; set; }
        public TimeSpan NextDelay { get; set; }
    }
}
