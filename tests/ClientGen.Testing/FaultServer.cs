using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ClientGen.Testing;

/// <summary>One request as the server saw it.</summary>
public sealed record SeenRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>The query string as sent (with its leading '?'), or empty.</summary>
    public string Query { get; init; } = string.Empty;
}

/// <summary>
/// A real Kestrel server on 127.0.0.1 whose behaviour per path is scripted by the test: answer, delay,
/// drop the connection. It counts and records every request.
/// </summary>
public sealed class FaultServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<SeenRequest> _seen = new();
    private readonly ConcurrentDictionary<string, Func<HttpContext, SeenRequest, int, Task>> _routes = new();
    private readonly ConcurrentDictionary<string, int> _counts = new();
    private int _inFlight;
    private LoopbackHost _host = null!;

    public Uri BaseUri => _host.BaseAddress;

    public IReadOnlyList<SeenRequest> Seen => _seen.ToList();

    public int Count(string path) => _counts.TryGetValue(path, out var count) ? count : 0;

    /// <summary>Requests being handled right now; fake time must not move while one is in flight.</summary>
    public bool IsBusy => Volatile.Read(ref _inFlight) > 0;

    /// <summary>Scripts a path: the handler gets the context, the request and its 1-based number on that path.</summary>
    public void On(string path, Func<HttpContext, SeenRequest, int, Task> handler) => _routes[path] = handler;

    public static async Task<FaultServer> StartAsync()
    {
        var server = new FaultServer();
        server._host = await LoopbackHost.StartAsync(app => app.Run(server.HandleAsync));
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
            await HandleCoreAsync(context);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task HandleCoreAsync(HttpContext context)
    {
        var body = await new System.IO.StreamReader(context.Request.Body).ReadToEndAsync();
        var path = context.Request.Path.Value ?? "/";
        var seen = new SeenRequest(context.Request.Method, path, context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body)
        {
            Query = context.Request.QueryString.Value ?? string.Empty,
        };
        _seen.Enqueue(seen);
        var number = _counts.AddOrUpdate(path, 1, (_, n) => n + 1);
        if (_routes.TryGetValue(path, out var handler)) await handler(context, seen, number);
        else context.Response.StatusCode = 404;
    }

    public static Task Json(HttpContext context, string json, int status = 200)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
