using System.Buffers;
using System.Net.Http.Headers;
using System.Text.Json;

namespace ClientGen.Runtime.Benchmarks;

/// <summary>
/// The floor: what a careful engineer writes by hand for the same three calls. A raw <see cref="HttpClient"/> on the
/// runtime's own transport settings, the same headers on the wire (Accept, User-Agent, an idempotency key on run),
/// the body written with a reused <see cref="Utf8JsonWriter"/>, the response read from the stream into a pooled
/// buffer and parsed with <see cref="Utf8JsonReader"/>. No retries, no timeouts, no tracing: everything the generated
/// client does beyond this is what the ratios price.
/// </summary>
internal sealed class HandWrittenClient(HttpClient http)
{
    private static readonly MediaTypeHeaderValue s_json = new("application/json");
    private static readonly MediaTypeWithQualityHeaderValue s_accept = new("application/json");
    private readonly ArrayBufferWriter<byte> _buffer = new(256);
    private readonly Utf8JsonWriter _writer = new(Stream.Null);

    public enum Status { Started, QueryData, ProcessingData, Completed, Cancelled, Invalid, Error }

    public sealed record ReportRun(string Id, Status Status, long StartedOn, long UpdatedOn, string? ReportId, string? ReportType, string? ReportDefinition);

    public async Task<string> RunReportAsync(string reportId, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Post, "/reports/" + Uri.EscapeDataString(reportId) + "/reportrun?viewType=Detail");
        request.Headers.TryAddWithoutValidation("Idempotency-Key", Guid.NewGuid().ToString("N"));
        request.Content = Filters();
        var body = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            var reader = new Utf8JsonReader(body.AsSpan(0, body.Length));
            string? id = null;
            Into(ref reader, "response");
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("reportRunId"u8)) { reader.Read(); id = reader.GetString(); }
                else { reader.Read(); reader.Skip(); }
            }
            return id ?? throw new JsonException("reportRunId missing");
        }
        finally
        {
            body.Return();
        }
    }

    public async Task<ReportRun> GetReportRunAsync(string reportRunId, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, "/reportruns/" + Uri.EscapeDataString(reportRunId));
        var body = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            return ReadRun(body.AsSpan(0, body.Length));
        }
        finally
        {
            body.Return();
        }
    }

    public async Task<string?> CancelReportRunAsync(string reportRunId, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Delete, "/reportruns/" + Uri.EscapeDataString(reportRunId));
        var body = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            var reader = new Utf8JsonReader(body.AsSpan(0, body.Length));
            reader.Read();
            string? message = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("response"u8)) { reader.Read(); message = reader.GetString(); }
                else { reader.Read(); reader.Skip(); }
            }
            return message;
        }
        finally
        {
            body.Return();
        }
    }

    private static HttpRequestMessage Request(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Accept.Add(s_accept);
        request.Headers.TryAddWithoutValidation("User-Agent", "ClientGen/0.1.0 (ZuoraReportingClient)");
        return request;
    }

    private ByteArrayContent Filters()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        _writer.WriteStartArray();
        _writer.WriteStartObject();
        _writer.WriteStartObject("logicalOperator");
        _writer.WriteString("value", "AND");
        _writer.WriteEndObject();
        _writer.WriteStartArray("filterClauses");
        _writer.WriteStartObject();
        _writer.WriteStartObject("field");
        _writer.WriteString("id", "Account.Status");
        _writer.WriteString("type", "Text");
        _writer.WriteEndObject();
        _writer.WriteString("operator", "=");
        _writer.WriteString("value", "Active");
        _writer.WriteEndObject();
        _writer.WriteEndArray();
        _writer.WriteEndObject();
        _writer.WriteEndArray();
        _writer.Flush();
        var content = new ByteArrayContent(_buffer.WrittenSpan.ToArray());
        content.Headers.ContentType = s_json;
        return content;
    }

    private async Task<PooledBody> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var length = (int)(response.Content.Headers.ContentLength ?? 4096);
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(length, 16));
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var read = 0;
        int n;
        while ((n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken).ConfigureAwait(false)) > 0)
        {
            read += n;
            if (read == buffer.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                buffer.AsSpan(0, read).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }
        }
        return new PooledBody(buffer, read);
    }

    private static ReportRun ReadRun(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        Into(ref reader, "response");
        string? id = null, reportId = null, type = null, definition = null;
        var status = Status.Error;
        long started = 0, updated = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8)) { reader.Read(); id = reader.GetString(); }
            else if (reader.ValueTextEquals("status"u8)) { reader.Read(); status = ReadStatus(ref reader); }
            else if (reader.ValueTextEquals("startedOn"u8)) { reader.Read(); started = reader.GetInt64(); }
            else if (reader.ValueTextEquals("updatedOn"u8)) { reader.Read(); updated = reader.GetInt64(); }
            else if (reader.ValueTextEquals("reportId"u8)) { reader.Read(); reportId = reader.GetString(); }
            else if (reader.ValueTextEquals("reportType"u8)) { reader.Read(); type = reader.ValueTextEquals("Detail"u8) ? "Detail" : reader.GetString(); }
            else if (reader.ValueTextEquals("reportDefinition"u8)) { reader.Read(); definition = reader.GetString(); }
            else { reader.Read(); reader.Skip(); }
        }
        return new ReportRun(id ?? throw new JsonException("id missing"), status, started, updated, reportId, type, definition);
    }

    private static Status ReadStatus(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("COMPLETED"u8) ? Status.Completed
        : reader.ValueTextEquals("STARTED"u8) ? Status.Started
        : reader.ValueTextEquals("QUERYDATA"u8) ? Status.QueryData
        : reader.ValueTextEquals("PROCESSINGDATA"u8) ? Status.ProcessingData
        : reader.ValueTextEquals("CANCELLED"u8) ? Status.Cancelled
        : reader.ValueTextEquals("INVALID"u8) ? Status.Invalid
        : Status.Error;

    // Moves the reader into the object under the envelope's property.
    private static void Into(ref Utf8JsonReader reader, string property)
    {
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var found = reader.ValueTextEquals(property);
            reader.Read();
            if (found && reader.TokenType == JsonTokenType.StartObject) return;
            reader.Skip();
        }
        throw new JsonException(property + " missing");
    }

    private readonly record struct PooledBody(byte[] Buffer, int Length)
    {
        public ReadOnlySpan<byte> AsSpan(int start, int length) => Buffer.AsSpan(start, length);

        public void Return() => ArrayPool<byte>.Shared.Return(Buffer);
    }
}
