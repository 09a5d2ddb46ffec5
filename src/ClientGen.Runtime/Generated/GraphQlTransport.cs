using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using ClientGen.Runtime.GraphQl;
using System.Threading;
using System.Threading.Tasks;

namespace ClientGen.Runtime.Generated;

/// <summary>
/// Sends a GraphQL operation as <c>POST {query, operationName, variables}</c> through the same runtime core
/// (auth, retries, logging) as REST clients, with the operation name in the <c>graphqlname</c> header, and
/// reads <c>{data, errors}</c> with the generated reader.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class GraphQlTransport
{
    /// <summary>Sends one operation.</summary>
    /// <param name="core">The runtime core (its base address is the GraphQL endpoint).</param>
    /// <param name="operation">The operation metadata (a mutation carries no idempotency key, so it is never retried after it was sent).</param>
    /// <param name="document">The operation document, with the fragments it uses.</param>
    /// <param name="writeVariables">Writes the <c>variables</c> object.</param>
    /// <param name="readData">Reads <c>data</c>.</param>
    /// <param name="callOptions">Headers, timeout or track id for this call only.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public static async Task<GraphQlResponse<T>> SendAsync<T>(ApiClientCore core, ApiOperation operation, string document, Action<Utf8JsonWriter> writeVariables, JsonReadFunc<T> readData, ApiCallOptions? callOptions, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(core);
        ArgumentNullException.ThrowIfNull(operation);
        var request = new ApiRequest(operation, string.Empty) { CallOptions = callOptions };
        request.AddHeader("graphqlname", operation.OperationId);
        request.SetJson((document, operation.OperationId, writeVariables), static (writer, body) =>
        {
            writer.WriteStartObject();
            writer.WriteString("query", body.document);
            writer.WriteString("operationName", body.OperationId);
            writer.WritePropertyName("variables");
            body.writeVariables(writer);
            writer.WriteEndObject();
        });

        using var response = await core.SendAsync(request, cancellationToken).ConfigureAwait(false);
        // GraphQL servers answer errors with 200, and some with 4xx plus a GraphQL body: read the body whenever it is GraphQL.
        var isJson = response.Message.Content.Headers.ContentType?.MediaType is { } media && (media.Contains("json", StringComparison.OrdinalIgnoreCase));
        if (!response.IsSuccessStatusCode && !isJson) throw await response.CreateExceptionAsync(cancellationToken).ConfigureAwait(false);
        var envelope = await response.ReadJsonAsync((ref Utf8JsonReader reader) => ReadEnvelope(ref reader, readData), cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode && envelope.Data is null && envelope.Errors.Count == 0) throw await response.CreateExceptionAsync(cancellationToken).ConfigureAwait(false);
        return new GraphQlResponse<T>(envelope.Data, envelope.Errors, response.StatusCode, ApiHeaders.Of(response.Message), operation.OperationId);
    }

    private static (T? Data, IReadOnlyList<GraphQlError> Errors) ReadEnvelope<T>(ref Utf8JsonReader reader, JsonReadFunc<T> readData)
        where T : class
    {
        JsonRuntime.ExpectStartObject(ref reader, "GraphQL response");
        T? data = null;
        var errors = new List<GraphQlError>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            if (name == "data" && reader.TokenType != JsonTokenType.Null) data = readData(ref reader);
            else if (name == "errors" && reader.TokenType == JsonTokenType.StartArray)
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) errors.Add(ReadError(ref reader));
            }
            else reader.Skip();
        }
        return (data, errors);
    }

    private static GraphQlError ReadError(ref Utf8JsonReader reader)
    {
        var element = JsonElement.ParseValue(ref reader);
        var message = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : element.GetRawText();
        IReadOnlyList<string>? path = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("path", out var p) && p.ValueKind == JsonValueKind.Array
            ? p.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString()! : x.GetRawText()).ToList()
            : null;
        JsonElement? extensions = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("extensions", out var e) ? e : null;
        return new GraphQlError(message, path, extensions);
    }
}
