using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace ClientGen.Simulators.Faults;

/// <summary>
/// The faults a simulator injects: queued one-shot faults, each consumed by the first request it matches,
/// and a latency added to every request. Thread-safe; switch faults on and off while clients run.
/// </summary>
public sealed class FaultInjector
{
    private readonly object _gate = new();
    private readonly List<Fault> _queued = new();
    private readonly List<(Fault Fault, string Request)> _injected = new();
    private readonly TimeProvider _time;

    internal FaultInjector(TimeProvider time) => _time = time;

    /// <summary>Set in <see cref="HttpContext.Items"/> when a fault closed the connection instead of answering.</summary>
    internal const string DroppedKey = "ClientGen.Simulators.Dropped";

    /// <summary>Added before every request is handled (zero by default).</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Faults still waiting for a matching request.</summary>
    public int Pending
    {
        get
        {
            lock (_gate) return _queued.Count;
        }
    }

    /// <summary>The faults injected so far, with the request each hit (<c>"METHOD /path"</c>).</summary>
    public IReadOnlyList<(Fault Fault, string Request)> Injected
    {
        get
        {
            lock (_gate) return _injected.ToList();
        }
    }

    /// <summary>Queues <paramref name="fault"/> for the next <paramref name="times"/> matching requests.</summary>
    public FaultInjector Add(Fault fault, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(times);
        lock (_gate)
        {
            for (var i = 0; i < times; i++) _queued.Add(fault);
        }
        return this;
    }

    /// <summary>Removes queued faults and the latency.</summary>
    public void Clear()
    {
        lock (_gate) _queued.Clear();
        Latency = TimeSpan.Zero;
    }

    internal async Task ApplyAsync(HttpContext context, bool faultable, Action expireTokens, Func<Task> next)
    {
        if (!faultable)
        {
            await next().ConfigureAwait(false);
            return;
        }
        if (Latency > TimeSpan.Zero) await Task.Delay(Latency, _time, context.RequestAborted).ConfigureAwait(false);
        var fault = Take(context.Request);
        switch (fault?.Kind)
        {
            case null:
                await next().ConfigureAwait(false);
                break;
            case FaultKind.TooManyRequests:
                context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(fault.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await WriteErrorAsync(context, 429, "Too many requests: the rate limit is exceeded. Retry after the time in Retry-After.").ConfigureAwait(false);
                break;
            case FaultKind.ServerError:
                await WriteErrorAsync(context, fault.StatusCode, "The service is temporarily unavailable (injected fault).").ConfigureAwait(false);
                break;
            case FaultKind.DropConnection:
                context.Items[DroppedKey] = true;
                context.Abort();
                break;
            case FaultKind.DropResponse:
                // Let the request do its work into a buffer that is never sent, then drop the connection.
                context.Response.Body = new MemoryStream();
                await next().ConfigureAwait(false);
                context.Items[DroppedKey] = true;
                context.Abort();
                break;
            case FaultKind.ExpiredToken:
                expireTokens();
                await next().ConfigureAwait(false);
                break;
        }
    }

    private Fault? Take(HttpRequest request)
    {
        var description = request.Method + " " + request.Path.Value;
        var operation = request.Headers["graphqlname"].ToString();
        lock (_gate)
        {
            var index = _queued.FindIndex(f => f.Match is null || description.Contains(f.Match, StringComparison.Ordinal) || (operation.Length > 0 && operation == f.Match));
            if (index < 0) return null;
            var fault = _queued[index];
            _queued.RemoveAt(index);
            _injected.Add((fault, description + (operation.Length > 0 ? " " + operation : string.Empty)));
            return fault;
        }
    }

    private static Task WriteErrorAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new Dictionary<string, object> { ["success"] = false, ["message"] = message });
    }
}
