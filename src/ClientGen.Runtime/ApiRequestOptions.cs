using System.Net.Http;

namespace ClientGen.Runtime;

/// <summary>
/// Keys under which the runtime stores call metadata on <see cref="HttpRequestMessage.Options"/>, for your handlers to
/// read. They are set on every request sent through an HttpClient you supply (or build with IHttpClientFactory, where
/// your handlers live); on the runtime's own pipeline (<see cref="ApiPipeline.CreateHttpClient"/>), which has no
/// handler of yours, the runtime carries them in the message itself and skips the per-request dictionary.
/// </summary>
public static class ApiRequestOptions
{
    /// <summary>The operation being called.</summary>
    public static readonly HttpRequestOptionsKey<ApiOperation> Operation = new("ClientGen.Operation");

    /// <summary>The call's own total timeout (<see cref="ApiCallOptions.Timeout"/>), which the retry handler uses instead of its configured one.</summary>
    public static readonly HttpRequestOptionsKey<System.TimeSpan> Timeout = new("ClientGen.Timeout");
}
