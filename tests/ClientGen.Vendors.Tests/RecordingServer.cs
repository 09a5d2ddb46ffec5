using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Threading.Tasks;
using ClientGen.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ClientGen.Vendors.Tests;

/// <summary>What the server received, exactly.</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, byte[] RawBody, string Body);

/// <summary>A canned answer.</summary>
public sealed record CannedResponse(int Status, string ContentType, string Body)
{
    public static CannedResponse Json(string body, int status = 200) => new(status, "application/json; charset=utf-8", body);
}

/// <summary>A real Kestrel server on 127.0.0.1 (random port) that records each request and answers with a canned response.</summary>
public sealed class RecordingServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private LoopbackHost _host = null!;

    public Func<RecordedRequest, CannedResponse> Responder { get; set; } = _ => CannedResponse.Json("{}");

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToList();

    public Uri BaseUri => _host.BaseAddress;

    public static async Task<RecordingServer> StartAsync()
    {
        var server = new RecordingServer();
        server._host = await LoopbackHost.StartAsync(app => app.Run(server.HandleAsync));
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var raw = buffer.ToArray();
        var text = context.Request.Headers.ContentEncoding.ToString().Contains("gzip")
            ? new StreamReader(new GZipStream(new MemoryStream(raw), CompressionMode.Decompress)).ReadToEnd()
            : System.Text.Encoding.UTF8.GetString(raw);
        // The raw target, as sent: Request.Path would already have decoded %20.
        var rawTarget = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()!.RawTarget;
        var queryStart = rawTarget.IndexOf('?');
        var recorded = new RecordedRequest(
            context.Request.Method,
            queryStart < 0 ? rawTarget : rawTarget[..queryStart],
            context.Request.QueryString.Value ?? string.Empty,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            raw,
            text);
        _requests.Enqueue(recorded);
        var response = Responder(recorded);
        context.Response.StatusCode = response.Status;
        context.Response.ContentType = response.ContentType;
        await context.Response.WriteAsync(response.Body);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
