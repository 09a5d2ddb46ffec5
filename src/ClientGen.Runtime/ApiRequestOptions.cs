using System.Net.Http;

namespace ClientGen.Runtime;

/// <summary>Keys under which the runtime stores call metadata on <see cref="HttpRequestMessage.Options"/>, for handlers to read.</summary>
public static class ApiRequestOptions
{
    /// <summary>The operation being called.</summary>
    public static readonly HttpRequestOptionsKey<ApiOperation> Operation = new("ClientGen.Operation");

    /// <summary>The call's own total timeout (<see cref="ApiCallOptions.Timeout"/>), which the retry handler uses instead of its configured one.</summary>
    public static readonly HttpRequestOptionsKey<System.TimeSpan> Timeout = new("ClientGen.Timeout");
}
