using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace ClientGen.Runtime.GraphQl;

/// <summary>One entry of a GraphQL response's <c>errors</c>.</summary>
/// <param name="Message">The error message.</param>
/// <param name="Path">The response path the error applies to (field names and list indices), if given.</param>
/// <param name="Extensions">The server's <c>extensions</c> object (codes, classifications), if given.</param>
public sealed record GraphQlError(string Message, IReadOnlyList<string>? Path, JsonElement? Extensions)
{
    /// <inheritdoc />
    public override string ToString() => Path is { Count: > 0 } ? $"{Message} (at {string.Join(".", Path)})" : Message;
}

/// <summary>
/// The result of a GraphQL operation, keeping apart what GraphQL mixes up: full success, partial data with
/// errors, and errors without data. Transport failures are exceptions (<see cref="ApiException"/>,
/// <see cref="System.Net.Http.HttpRequestException"/>), never a response.
/// </summary>
/// <typeparam name="T">The operation's result type, shaped by its selection set.</typeparam>
public sealed class GraphQlResponse<T>
    where T : class
{
    /// <summary>Creates a response.</summary>
    public GraphQlResponse(T? data, IReadOnlyList<GraphQlError> errors, int statusCode, IReadOnlyDictionary<string, IReadOnlyList<string>> headers, string operationName)
    {
        Data = data;
        Errors = errors;
        StatusCode = statusCode;
        Headers = headers;
        OperationName = operationName;
    }

    /// <summary>The data, when the server returned any (possibly partial: see <see cref="Errors"/>).</summary>
    public T? Data { get; }

    /// <summary>The GraphQL errors (empty on success). GraphQL servers report them with HTTP 200.</summary>
    public IReadOnlyList<GraphQlError> Errors { get; }

    /// <summary>The HTTP status.</summary>
    public int StatusCode { get; }

    /// <summary>The response headers.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>The operation's name.</summary>
    public string OperationName { get; }

    /// <summary>Data and no errors.</summary>
    public bool IsSuccess => Data is not null && Errors.Count == 0;

    /// <summary>Some data, and errors for the parts that failed.</summary>
    public bool IsPartial => Data is not null && Errors.Count > 0;

    /// <summary>The data, or a <see cref="GraphQlException"/> carrying the errors when there are any.</summary>
    public T GetDataOrThrow() => IsSuccess ? Data! : throw new GraphQlException(OperationName, Errors, Data is not null);
}

/// <summary>A GraphQL operation answered with errors.</summary>
public sealed class GraphQlException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GraphQlException(string operationName, IReadOnlyList<GraphQlError> errors, bool hadPartialData)
        : base($"GraphQL operation '{operationName}' failed{(hadPartialData ? " in part" : string.Empty)}: {string.Join("; ", errors.Select(e => e.ToString()).DefaultIfEmpty("no data and no errors"))}")
    {
        OperationName = operationName;
        Errors = errors;
        HadPartialData = hadPartialData;
    }

    /// <summary>The operation.</summary>
    public string OperationName { get; }

    /// <summary>The errors.</summary>
    public IReadOnlyList<GraphQlError> Errors { get; }

    /// <summary>True when the server also returned partial data.</summary>
    public bool HadPartialData { get; }
}
