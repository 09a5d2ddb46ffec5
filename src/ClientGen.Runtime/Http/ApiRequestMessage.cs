using System;
using System.Net.Http;

namespace ClientGen.Runtime.Http;

/// <summary>
/// The message the runtime sends. What its own handlers need to know about the call travels in fields, because
/// <see cref="HttpRequestMessage.Options"/> is a dictionary built per message (240 B measured, #18). Through an
/// HttpClient the runtime did not build, the operation and timeout are also put on Options
/// (<see cref="ApiRequestOptions"/>), where the caller's own handlers look for them.
/// </summary>
internal sealed class ApiRequestMessage : HttpRequestMessage
{
    // The request it was built from, not copies of its facts: two fields fewer per message.
    private readonly Generated.ApiRequest _request;

    public ApiRequestMessage(HttpMethod method, Uri requestUri, Generated.ApiRequest request)
        : base(method, requestUri) => _request = request;

    public ApiOperation Operation => _request.Operation;

    /// <summary>The call's own total timeout (<see cref="ApiCallOptions.Timeout"/>), when it has one.</summary>
    public TimeSpan? Timeout => _request.CallOptions?.Timeout;

    /// <summary>Set by the retry handler on the message a response answers; bounds the body read.</summary>
    public CallDeadline? Deadline { get; set; }

    /// <summary>Whether the authentication handler wrote this message's Authorization header (so a retry re-authenticates).</summary>
    public bool AuthenticatedHere { get; set; }

    /// <summary>A copy for another attempt: same method, URI, version and facts; headers and body are copied by the caller.</summary>
    public ApiRequestMessage CopyFacts() => new(Method, RequestUri!, _request)
    {
        AuthenticatedHere = AuthenticatedHere,
        Version = Version,
        VersionPolicy = VersionPolicy,
    };

    /// <summary>The operation a message is for: from the runtime's field, else from Options where a foreign sender put it.</summary>
    public static ApiOperation? OperationOf(HttpRequestMessage request) =>
        request is ApiRequestMessage own ? own.Operation
        : request.Options.TryGetValue(ApiRequestOptions.Operation, out var operation) ? operation : null;

    /// <summary>The call's own total timeout, from the field or Options.</summary>
    public static TimeSpan? TimeoutOf(HttpRequestMessage request) =>
        request is ApiRequestMessage own ? own.Timeout
        : request.Options.TryGetValue(ApiRequestOptions.Timeout, out var timeout) ? timeout : null;
}
