using System;
using System.Net.Http;
using System.Threading;

namespace ClientGen.Runtime.Http;

/// <summary>
/// The one deadline mechanism of a call: a single token source that the caller's token cancels and whose timer the
/// retry handler re-arms for each attempt, to the attempt's end or the call's total deadline, whichever comes first.
/// Responses are read headers-first, so the same token then bounds the body: a server that sends headers and stalls
/// cannot hang the call however short its timeouts. The runtime's own body reads (JSON, text, error bodies) honour
/// it; a file the caller streams is read at the caller's pace and is bounded by the caller's token only.
/// One source per call instead of a timer and a linked source per call and per attempt (880 B measured, #18).
/// Not sealed: the retry handler's per-call state derives from it, one object per call instead of two.
/// </summary>
internal class CallDeadline : IDisposable
{
    private static readonly HttpRequestOptionsKey<CallDeadline> s_key = new("ClientGen.CallDeadline");

    private readonly TimeProvider _time;
    private readonly CancellationToken _caller;
    private CancellationTokenSource _source;
    private CancellationTokenRegistration _callerRegistration;
    private bool _callerDetached;

    public CallDeadline(TimeProvider time, CancellationToken caller)
    {
        _time = time;
        _caller = caller;
        _source = Create();
    }

    /// <summary>Cancelled by the caller or when the armed end passes.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>The timeout the armed end came from, named in the message if it fires.</summary>
    public TimeSpan Timeout { get; private set; }

    /// <summary>Whether the armed end is the call's total deadline (else an attempt's end).</summary>
    public bool IsTotal { get; private set; }

    /// <summary>Arms the timer to <paramref name="end"/>; a source an earlier attempt's timeout cancelled is replaced.</summary>
    public void Arm(DateTimeOffset end, TimeSpan timeout, bool isTotal)
    {
        if (_source.IsCancellationRequested && !_caller.IsCancellationRequested)
        {
            Release();
            _source = Create();
        }
        Timeout = timeout;
        IsTotal = isTotal;
        var remaining = end - _time.GetUtcNow();
        _source.CancelAfter(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
    }

    private CancellationTokenSource Create()
    {
        // Created on the injected clock, so fake time drives the timer; CancelAfter re-arms that same timer.
        var source = new CancellationTokenSource(System.Threading.Timeout.InfiniteTimeSpan, _time);
        if (_caller.CanBeCanceled) _callerRegistration = _caller.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), source);
        return source;
    }

    /// <summary>Whether the armed end passed (the timer fired, not the caller).</summary>
    public bool HasExpired => _source.IsCancellationRequested && !_caller.IsCancellationRequested;

    /// <summary>
    /// The token a body read uses: this one, which the caller's token already cancels; a read given another cancellable
    /// token gets a source linking both, which the caller disposes.
    /// </summary>
    public CancellationTokenSource? LinkFor(CancellationToken readToken, out CancellationToken token)
    {
        if (!readToken.CanBeCanceled || (readToken == _caller && !_callerDetached))
        {
            token = Token;
            return null;
        }
        var linked = CancellationTokenSource.CreateLinkedTokenSource(readToken, Token);
        token = linked.Token;
        return linked;
    }

    public TimeoutException Exceeded(string operationId, Exception inner) =>
        new($"The response body of '{operationId}' did not arrive within the {(IsTotal ? "total" : "attempt")} timeout of {Timeout.TotalSeconds:0.###} s.", inner);

    /// <summary>The deadline stamped on the request that produced <paramref name="message"/>, if the retry handler sent it.</summary>
    public static CallDeadline? Of(HttpResponseMessage message) => message.RequestMessage switch
    {
        ApiRequestMessage own => own.Deadline,
        { } other when other.Options.TryGetValue(s_key, out var deadline) => deadline,
        _ => null,
    };

    /// <summary>Stamps the deadline on the request a response answers, for the body read.</summary>
    public void StampOn(HttpRequestMessage request)
    {
        if (request is ApiRequestMessage own)
        {
            own.Deadline = this; // disposed with the ApiResponse that reads it
            return;
        }
        // Nothing of the runtime's disposes a foreign message's deadline: it lets go of the caller's token now, so a
        // long-lived token does not collect a registration per call, and its timer ends by firing.
        _callerRegistration.Dispose();
        _callerDetached = true;
        request.Options.Set(s_key, this);
    }

    private void Release()
    {
        _callerRegistration.Dispose();
        _source.Dispose();
    }

    public void Dispose()
    {
        Release();
        GC.SuppressFinalize(this);
    }
}
