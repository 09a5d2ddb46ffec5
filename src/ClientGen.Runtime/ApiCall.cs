using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;

namespace ClientGen.Runtime;

/// <summary>Status and headers of one response, with the tracing ids vendors echo back.</summary>
/// <param name="OperationId">The operation called.</param>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Headers">The response headers (case-insensitive).</param>
public sealed record ApiResponseInfo(string OperationId, int StatusCode, IReadOnlyDictionary<string, IReadOnlyList<string>> Headers)
{
    /// <summary>The echoed track id, if any: the header the spec names (<c>x-clientgen-track-id-header</c>), else <c>X-Track-Id</c> or <c>X-Correlation-Id</c>.</summary>
    public string? TrackId => ApiHeaders.First(Headers, Metadata.TrackIdHeaders);

    /// <summary>The server's request id, if it sent one (the header the spec names, else <c>X-Request-Id</c> or <c>Request-Id</c>).</summary>
    public string? RequestId => ApiHeaders.First(Headers, Metadata.RequestIdHeaders);

    internal ApiClientMetadata Metadata { get; init; } = ApiClientMetadata.None;
}

/// <summary>
/// Captures the responses of the calls made within a scope, so callers can read status and headers
/// (such as the echoed track id) without every method returning a wrapper:
/// <code>using var call = ApiCall.Capture(); await client.GetReportRunAsync(id); var trackId = call.Last?.TrackId;</code>
/// The scope flows with async calls and is local to the logical flow that opened it.
/// </summary>
public sealed class ApiCall : IDisposable
{
    private static readonly AsyncLocal<ApiCall?> s_current = new();
    private readonly ApiCall? _outer;
    private readonly List<ApiResponseInfo> _responses = new();

    private ApiCall(ApiCall? outer) => _outer = outer;

    /// <summary>Starts capturing; dispose to stop.</summary>
    public static ApiCall Capture()
    {
        var call = new ApiCall(s_current.Value);
        s_current.Value = call;
        return call;
    }

    /// <summary>Every response captured, in order (retries included).</summary>
    public IReadOnlyList<ApiResponseInfo> Responses
    {
        get
        {
            lock (_responses) return _responses.ToList();
        }
    }

    /// <summary>The most recent response.</summary>
    public ApiResponseInfo? Last
    {
        get
        {
            lock (_responses) return _responses.Count == 0 ? null : _responses[^1];
        }
    }

    internal static void Record(string operationId, HttpResponseMessage response, ApiClientMetadata metadata)
    {
        if (s_current.Value is not { } call) return;
        var info = new ApiResponseInfo(operationId, (int)response.StatusCode, ApiHeaders.Of(response)) { Metadata = metadata };
        for (var scope = call; scope is not null; scope = scope._outer)
        {
            lock (scope._responses) scope._responses.Add(info);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (ReferenceEquals(s_current.Value, this)) s_current.Value = _outer;
    }
}

/// <summary>Header helpers shared by responses and exceptions.</summary>
internal static class ApiHeaders
{
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Of(HttpResponseMessage message) =>
        message.Headers.Concat(message.Content.Headers)
            .GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.SelectMany(h => h.Value).ToList(), StringComparer.OrdinalIgnoreCase);

    public static string? First(IReadOnlyDictionary<string, IReadOnlyList<string>> headers, IReadOnlyList<string> names)
    {
        foreach (var name in names)
        {
            if (headers.TryGetValue(name, out var values) && values.Count > 0) return values[0];
        }
        return null;
    }
}
