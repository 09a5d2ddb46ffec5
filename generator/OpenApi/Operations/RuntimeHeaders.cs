using System;
using System.Collections.Generic;
using ClientGen.Generator.Model;

namespace ClientGen.Generator.OpenApi.Operations;

/// <summary>
/// The request headers the runtime owns, so no method takes them as arguments: the three OpenAPI says to ignore
/// (Accept, Content-Type, Authorization), the ones HttpClient manages, the API-key headers of the security schemes,
/// and those <c>ApiCallOptions</c> carries (idempotency key, track id, entity). A caller still sets any of them for one
/// call through <c>ApiCallOptions.Headers</c>.
/// </summary>
internal sealed class RuntimeHeaders
{
    // Accept-Encoding is the transport's (it decompresses gzip, deflate and brotli); Content-Encoding: gzip is asked
    // for through ApiCallOptions.Headers, which the request honours by compressing the body.
    private static readonly string[] s_transport =
    {
        "Accept", "Accept-Charset", "Accept-Encoding", "Authorization", "Connection", "Content-Encoding", "Content-Length",
        "Content-Type", "Expect", "Host", "Idempotency-Key", "Keep-Alive", "TE", "Trailer", "Transfer-Encoding", "Upgrade", "User-Agent",
    };

    private readonly HashSet<string> _names = new(s_transport, StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, CallOption> _options = new(StringComparer.OrdinalIgnoreCase) { ["Idempotency-Key"] = CallOption.IdempotencyKey };

    public RuntimeHeaders(IEnumerable<SecuritySchemeModel> schemes, string? trackIdHeader)
    {
        foreach (var scheme in schemes)
        {
            if (scheme.Kind == SecuritySchemeKind.ApiKeyHeader && !string.IsNullOrEmpty(scheme.ParameterName)) _names.Add(scheme.ParameterName!);
            if (scheme.EntityHeader is { } entity)
            {
                _names.Add(entity);
                _options[entity] = CallOption.Entity;
            }
        }
        if (trackIdHeader != null)
        {
            _names.Add(trackIdHeader);
            _options[trackIdHeader] = CallOption.TrackId;
        }
    }

    public bool Owns(string headerName) => _names.Contains(headerName);

    /// <summary>The <c>ApiCallOptions</c> property that carries the header, if one does.</summary>
    public CallOption? OptionFor(string headerName) => _options.TryGetValue(headerName, out var option) ? option : null;
}
