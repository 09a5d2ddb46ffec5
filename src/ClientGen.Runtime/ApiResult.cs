using System;
using System.Collections.Generic;

namespace ClientGen.Runtime;

/// <summary>
/// What a successful call answered besides its body: the status and the headers (with the vendor's tracking ids),
/// returned by a generated <c>…WithResponseAsync</c> method instead of read from an ambient <see cref="ApiCall"/>.
/// </summary>
public class ApiResult
{
    /// <summary>Reads the status and headers of <paramref name="response"/>.</summary>
    public ApiResult(ApiResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        OperationId = response.Operation.OperationId;
        StatusCode = response.StatusCode;
        Headers = ApiHeaders.Of(response.Message);
    }

    /// <summary>The operation that was called.</summary>
    public string OperationId { get; }

    /// <summary>The HTTP status (a 2xx).</summary>
    public int StatusCode { get; }

    /// <summary>The response headers (case-insensitive).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>The echoed track or correlation id, if the server sent one.</summary>
    public string? TrackId => ApiHeaders.First(Headers, "Zuora-Track-Id", "X-Track-Id", "X-Correlation-Id");

    /// <summary>The server's request id, if it sent one.</summary>
    public string? RequestId => ApiHeaders.First(Headers, "Zuora-Request-Id", "X-Request-Id", "Request-Id", "X-Amzn-RequestId");
}

/// <summary>A successful call's typed body with its status and headers.</summary>
/// <typeparam name="T">The body's type.</typeparam>
public sealed class ApiResult<T> : ApiResult
{
    /// <summary>Wraps <paramref name="value"/>, read from <paramref name="response"/>.</summary>
    public ApiResult(T value, ApiResponse response)
        : base(response)
    {
        Value = value;
    }

    /// <summary>The body, as the plain method returns it.</summary>
    public T Value { get; }
}
