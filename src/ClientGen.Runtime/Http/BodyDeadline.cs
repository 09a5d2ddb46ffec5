using System;
using System.Net.Http;
using System.Threading;

namespace ClientGen.Runtime.Http;

/// <summary>
/// When the body of a response must have arrived: the end of the attempt that received its headers or the call's
/// total deadline, whichever comes first. Responses are read headers-first, so without this a server that sends
/// headers and then stalls would hang the call however short its timeouts. The retry handler stamps it on the
/// request; the runtime's own body reads (JSON, text, error bodies) honour it. A file the caller streams is read at
/// the caller's pace and is bounded by the caller's token only.
/// </summary>
/// <param name="At">When the body must have arrived.</param>
/// <param name="Time">The clock the deadline is on.</param>
/// <param name="Timeout">The timeout that set it, named in the message only if it fires.</param>
/// <param name="IsAttemptTimeout">Whether that is the attempt timeout (else the call's total timeout).</param>
internal sealed record BodyDeadline(DateTimeOffset At, TimeProvider Time, TimeSpan Timeout, bool IsAttemptTimeout)
{
    public static readonly HttpRequestOptionsKey<BodyDeadline> Key = new("ClientGen.BodyDeadline");

    public static BodyDeadline? Of(HttpResponseMessage message) =>
        message.RequestMessage is { } request && request.Options.TryGetValue(Key, out var deadline) ? deadline : null;

    /// <summary>A token cancelled at the deadline or by <paramref name="cancellationToken"/>; dispose it when the read is done.</summary>
    public Linked Start(CancellationToken cancellationToken)
    {
        var remaining = At - Time.GetUtcNow();
        var timer = new CancellationTokenSource(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, Time);
        return new Linked(timer, CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token));
    }

    public TimeoutException Exceeded(string operationId, Exception inner) =>
        new($"The response body of '{operationId}' did not arrive within the {(IsAttemptTimeout ? "attempt" : "total")} timeout of {Timeout.TotalSeconds:0.###} s.", inner);

    /// <summary>The two sources behind one read's token.</summary>
    public sealed class Linked : IDisposable
    {
        private readonly CancellationTokenSource _timer;
        private readonly CancellationTokenSource _linked;

        public Linked(CancellationTokenSource timer, CancellationTokenSource linked)
        {
            _timer = timer;
            _linked = linked;
        }

        public CancellationToken Token => _linked.Token;

        public void Dispose()
        {
            _linked.Dispose();
            _timer.Dispose();
        }
    }
}
