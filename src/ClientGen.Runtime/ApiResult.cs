namespace ClientGen.Runtime;

/// <summary>
/// An operation's value with the response it came in: status, headers and the tracing ids the vendor echoed.
/// Returned by the generated <c>…WithResponseAsync</c> methods.
/// </summary>
/// <typeparam name="T">The operation's value.</typeparam>
public sealed class ApiResult<T>
{
    /// <summary>Wraps a value and its response.</summary>
    public ApiResult(T value, ApiResponseInfo? response)
    {
        Value = value;
        Response = response;
    }

    /// <summary>The operation's value.</summary>
    public T Value { get; }

    /// <summary>The response's status and headers; null when no request was sent (a test double answered the call).</summary>
    public ApiResponseInfo? Response { get; }

    /// <summary>The HTTP status, or 0 when no request was sent.</summary>
    public int StatusCode => Response?.StatusCode ?? 0;
}
