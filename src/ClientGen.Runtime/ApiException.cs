using System;
using System.Collections.Generic;

namespace ClientGen.Runtime;

/// <summary>The server answered a call with a status the operation does not treat as success.</summary>
public class ApiException : Exception
{
    /// <summary>Creates the exception for a response to <paramref name="operationId"/>.</summary>
    public ApiException(string operationId, int statusCode, string responseBody, IReadOnlyDictionary<string, IReadOnlyList<string>> headers, Exception? innerException = null)
        : this(operationId, statusCode, responseBody, headers, $"'{operationId}' failed with HTTP {statusCode}.", innerException)
    {
    }

    /// <summary>Creates the exception with a custom message.</summary>
    protected ApiException(string operationId, int statusCode, string responseBody, IReadOnlyDictionary<string, IReadOnlyList<string>> headers, string message, Exception? innerException)
        : base(message + Excerpt(responseBody), innerException)
    {
        OperationId = operationId;
        StatusCode = statusCode;
        ResponseBody = responseBody;
        Headers = headers;
    }

    /// <summary>The operation that failed.</summary>
    public string OperationId { get; }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>The response body as text (at most 64 KiB).</summary>
    public string ResponseBody { get; }

    /// <summary>The response headers.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>The echoed track id, if the server sent one: the header the spec names (<c>x-clientgen-track-id-header</c>), else <c>X-Track-Id</c> or <c>X-Correlation-Id</c>.</summary>
    public string? TrackId => ApiHeaders.First(Headers, Metadata.TrackIdHeaders);

    /// <summary>The server's request id, if it sent one (the header the spec names, else <c>X-Request-Id</c> or <c>Request-Id</c>); quote it to the vendor's support.</summary>
    public string? RequestId => ApiHeaders.First(Headers, Metadata.RequestIdHeaders);

    /// <summary>The spec of the client that failed, for its echoed header names; set by the response that creates the exception.</summary>
    internal ApiClientMetadata Metadata { get; set; } = ApiClientMetadata.None;

    /// <summary>The typed error body, for exceptions that wrap this one; no reflection, so trimming keeps it.</summary>
    internal virtual object? ErrorBody => null;

    private static string Excerpt(string body) =>
        string.IsNullOrWhiteSpace(body) ? string.Empty : " Response: " + (body.Length > 512 ? body.Substring(0, 512) + "…" : body);
}

/// <summary>An error response whose body parsed as the type the spec documents for that status.</summary>
/// <typeparam name="TError">The documented error type.</typeparam>
public sealed class ApiException<TError> : ApiException
{
    /// <summary>Creates the exception with the parsed error body.</summary>
    public ApiException(string operationId, int statusCode, string responseBody, IReadOnlyDictionary<string, IReadOnlyList<string>> headers, TError error)
        : base(operationId, statusCode, responseBody, headers)
    {
        Error = error;
    }

    /// <summary>The error body, as the spec documents it.</summary>
    public TError Error { get; }

    internal override object? ErrorBody => Error;
}

/// <summary>A success response whose body could not be read as the documented type (empty, malformed, truncated, wrong shape).</summary>
public sealed class ApiResponseFormatException : ApiException
{
    /// <summary>Creates the exception; <paramref name="innerException"/> says what was wrong with the JSON.</summary>
    public ApiResponseFormatException(string operationId, int statusCode, string responseBody, IReadOnlyDictionary<string, IReadOnlyList<string>> headers, Exception innerException)
        : base(operationId, statusCode, responseBody, headers, $"'{operationId}' returned HTTP {statusCode} with a body that is not the documented JSON: {innerException.Message}", innerException)
    {
    }
}

/// <summary>
/// The server's idempotency layer refused a keyed request, as the spec declares for the status
/// (<c>x-clientgen-idempotency</c>): <see cref="IsInProgress"/> when the first request with this key is still being
/// processed — retry later with the same key; otherwise the key was already used for a request with a different
/// body — a programming error, never retried. The documented error body is in <see cref="Error"/>.
/// </summary>
public sealed class IdempotencyException : ApiException
{
    private readonly bool? _inProgress;

    /// <summary>Wraps the typed error of a status the spec declares as an idempotency refusal.</summary>
    public IdempotencyException(ApiException error, string idempotencyKey, bool inProgress)
        : base(
            (error ?? throw new ArgumentNullException(nameof(error))).OperationId, error.StatusCode, error.ResponseBody, error.Headers,
            inProgress
                ? $"'{error.OperationId}': a request with Idempotency-Key {idempotencyKey} is still in progress (HTTP {error.StatusCode}); retry later with the same key."
                : $"'{error.OperationId}': Idempotency-Key {idempotencyKey} was already used for a different request (HTTP {error.StatusCode}).",
            error)
    {
        Metadata = error.Metadata;
        IdempotencyKey = idempotencyKey;
        _inProgress = inProgress;
        Error = error.ErrorBody;
    }

    /// <summary>Creates the exception.</summary>
    public IdempotencyException(string operationId, int statusCode, string responseBody, IReadOnlyDictionary<string, IReadOnlyList<string>> headers, string idempotencyKey)
        : base(operationId, statusCode, responseBody, headers,
            statusCode == 409
                ? $"'{operationId}': a request with Idempotency-Key {idempotencyKey} is still in progress (HTTP 409); retry later with the same key."
                : $"'{operationId}': Idempotency-Key {idempotencyKey} was already used for a different request (HTTP {statusCode}).",
            null)
    {
        IdempotencyKey = idempotencyKey;
    }

    /// <summary>The key the request carried.</summary>
    public string IdempotencyKey { get; }

    /// <summary>True when the original request is still being processed (as declared; 409 when built from a status alone).</summary>
    public bool IsInProgress => _inProgress ?? StatusCode == 409;

    /// <summary>The documented error body (the spec's type for the status, as <see cref="ApiException{TError}.Error"/> holds it), or null when it documents none or it did not parse.</summary>
    public object? Error { get; }
}
