using System.Collections.Generic;
using ClientGen.Generator.Model;
using NSwag;
using ClientGen.Generator.OpenApi.Schemas;

namespace ClientGen.Generator.OpenApi;

/// <summary>
/// The document-level <c>x-clientgen-…</c> extensions that state a vendor's rules about every call, so the runtime
/// never names a vendor: headers every request carries, and which response headers echo a track or request id.
/// </summary>
internal static class ClientExtensions
{
    public const string TrackIdHeaderExtension = "x-clientgen-track-id-header";
    public const string RequestIdHeaderExtension = "x-clientgen-request-id-header";

    public const string HeadersExtension = "x-clientgen-headers";

    /// <summary>
    /// <c>x-clientgen-headers: { Content-Type: application/json }</c>: headers the API wants on every request, which
    /// OpenAPI cannot say (it ignores header parameters named Content-Type, Accept or Authorization).
    /// </summary>
    public static EquatableArray<ConstantHeader> ConstantHeaders(OpenApiDocument document, DiagnosticSink sink)
    {
        if (document.ExtensionData == null || !document.ExtensionData.TryGetValue(HeadersExtension, out var raw) || raw == null) return EquatableArray<ConstantHeader>.Empty;
        if (Newtonsoft.Json.Linq.JToken.FromObject(raw) is not Newtonsoft.Json.Linq.JObject headers)
        {
            sink.Warn(DiagnosticDescriptors.UnsupportedConstruct, "/" + HeadersExtension, $"{HeadersExtension} that is not an object of header names and values", "it is ignored");
            return EquatableArray<ConstantHeader>.Empty;
        }
        var result = new List<ConstantHeader>();
        foreach (var header in headers.Properties())
        {
            if (header.Value.Type == Newtonsoft.Json.Linq.JTokenType.String && header.Name.Length > 0) result.Add(new ConstantHeader(header.Name, (string)header.Value!));
            else sink.Warn(DiagnosticDescriptors.UnsupportedConstruct, "/" + HeadersExtension + "/" + JsonPointer.Escape(header.Name), $"The {HeadersExtension} entry '{header.Name}' without a string value", "it is ignored");
        }
        return result.ToEquatableArray();
    }

    /// <summary>
    /// <c>x-clientgen-track-id-header: Zuora-Track-Id</c>: the response header read first for <c>ApiException.TrackId</c>
    /// (or <c>RequestId</c>); null when absent, and a warning when it is not a header name.
    /// </summary>
    public static string? HeaderName(OpenApiDocument document, string extension, DiagnosticSink sink)
    {
        if (document.ExtensionData == null || !document.ExtensionData.TryGetValue(extension, out var raw) || raw == null) return null;
        if (raw is string name && name.Length > 0 && IsToken(name)) return name;
        sink.Warn(DiagnosticDescriptors.UnsupportedConstruct, "/" + extension, $"{extension} that is not a header name", "it is ignored");
        return null;
    }

    // RFC 9110 token characters: what an HTTP header name may contain.
    private static bool IsToken(string name)
    {
        foreach (var c in name)
        {
            if (c <= ' ' || c >= 127 || "\"(),/:;<=>?@[\\]{}".IndexOf(c) >= 0) return false;
        }
        return true;
    }
}
