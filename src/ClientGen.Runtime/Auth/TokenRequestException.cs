using System;

namespace ClientGen.Runtime.Auth;

/// <summary>The token endpoint refused the credentials or answered with something that is not a token. The message never contains the secret.</summary>
public sealed class TokenRequestException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TokenRequestException(string message, int? statusCode, string? responseBody, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ResponseBody = responseBody;
    }

    /// <summary>The token endpoint's HTTP status, when it answered.</summary>
    public int? StatusCode { get; }

    /// <summary>The token endpoint's body (secrets redacted), when it answered.</summary>
    public string? ResponseBody { get; }
}
