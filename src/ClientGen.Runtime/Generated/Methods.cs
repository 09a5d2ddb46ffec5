using System;
using System.Net.Http;

namespace ClientGen.Runtime.Generated;

/// <summary>The shared <see cref="HttpMethod"/> instances for the methods OpenAPI names; a new one per call was measured in #18.</summary>
internal static class Methods
{
    // Generated operations name methods in upper case; anything else is folded once and looked up again.
    public static HttpMethod Of(string method) => Known(method) ?? Known(method.ToUpperInvariant()) ?? new HttpMethod(method);

    private static HttpMethod? Known(string method) => method switch
    {
        "GET" => HttpMethod.Get,
        "POST" => HttpMethod.Post,
        "PUT" => HttpMethod.Put,
        "DELETE" => HttpMethod.Delete,
        "PATCH" => HttpMethod.Patch,
        "HEAD" => HttpMethod.Head,
        "OPTIONS" => HttpMethod.Options,
        "TRACE" => HttpMethod.Trace,
        _ => null,
    };
}
