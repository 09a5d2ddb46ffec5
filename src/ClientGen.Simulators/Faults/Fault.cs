using System;

namespace ClientGen.Simulators.Faults;

/// <summary>What an injected fault does to the request it hits.</summary>
public enum FaultKind
{
    /// <summary>Answer 429 with a Retry-After header; the request is not processed.</summary>
    TooManyRequests,

    /// <summary>Answer a 5xx status; the request is not processed.</summary>
    ServerError,

    /// <summary>Close the connection before processing: the request never happened.</summary>
    DropConnection,

    /// <summary>Process the request, then close the connection instead of answering: the work happened, the response is lost.</summary>
    DropResponse,

    /// <summary>Expire every token issued so far, then process the request (which is then refused with 401).</summary>
    ExpiredToken,
}

/// <summary>One fault to inject into the next matching request.</summary>
/// <param name="Kind">What the fault does.</param>
public sealed record Fault(FaultKind Kind)
{
    /// <summary>The Retry-After of a <see cref="FaultKind.TooManyRequests"/> fault.</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The status of a <see cref="FaultKind.ServerError"/> fault.</summary>
    public int StatusCode { get; init; } = 503;

    /// <summary>
    /// Which requests the fault may hit: a substring of <c>"METHOD /path"</c> or the GraphQL operation name in the
    /// <c>graphqlname</c> header. Null matches any request.
    /// </summary>
    public string? Match { get; init; }

    /// <summary>A 429 with <c>Retry-After</c> (one second by default).</summary>
    public static Fault TooManyRequests(TimeSpan? retryAfter = null, string? match = null) =>
        new(FaultKind.TooManyRequests) { RetryAfter = retryAfter ?? TimeSpan.FromSeconds(1), Match = match };

    /// <summary>A 5xx answer (503 by default).</summary>
    public static Fault ServerError(int statusCode = 503, string? match = null)
    {
        if (statusCode is < 500 or > 599) throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "A server error is a 5xx status.");
        return new(FaultKind.ServerError) { StatusCode = statusCode, Match = match };
    }

    /// <summary>The connection closes before the request is processed.</summary>
    public static Fault DropConnection(string? match = null) => new(FaultKind.DropConnection) { Match = match };

    /// <summary>The request is processed but its response is lost with the connection.</summary>
    public static Fault DropResponse(string? match = null) => new(FaultKind.DropResponse) { Match = match };

    /// <summary>Every token issued so far expires before this request is processed.</summary>
    public static Fault ExpiredToken(string? match = null) => new(FaultKind.ExpiredToken) { Match = match };
}
