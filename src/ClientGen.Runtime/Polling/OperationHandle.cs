using System;
using System.Text;
using System.Text.Json;

namespace ClientGen.Runtime.Polling;

/// <summary>
/// Everything needed to resume waiting on long-running work from another process: which API and waiter,
/// the work's id, where the API lives and for which tenant entity. It holds no credentials.
/// </summary>
/// <param name="Api">The generated client's name, such as ZuoraReportingClient.</param>
/// <param name="Waiter">The waiter's name, such as ReportRunCompleted.</param>
/// <param name="Id">The id of the work (for example the report run id).</param>
/// <param name="BaseAddress">The API address the work was started on.</param>
/// <param name="Entity">The tenant entity the work belongs to, if any.</param>
public sealed record OperationHandle(string Api, string Waiter, string Id, Uri? BaseAddress, string? Entity)
{
    /// <summary>The handle as compact JSON, to store in a queue, a database or a file.</summary>
    public string ToJson()
    {
        using var buffer = new System.IO.MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("api", Api);
            writer.WriteString("waiter", Waiter);
            writer.WriteString("id", Id);
            if (BaseAddress is not null) writer.WriteString("baseAddress", BaseAddress.OriginalString);
            if (Entity is not null) writer.WriteString("entity", Entity);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads a handle written by <see cref="ToJson"/>.</summary>
    /// <exception cref="FormatException">The text is not a handle.</exception>
    public static OperationHandle Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            string? Text(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            var api = Text("api");
            var waiter = Text("waiter");
            var id = Text("id");
            if (api is null || waiter is null || id is null) throw new FormatException("An operation handle needs api, waiter and id.");
            var baseAddress = Text("baseAddress");
            return new OperationHandle(api, waiter, id, baseAddress is null ? null : new Uri(baseAddress, UriKind.RelativeOrAbsolute), Text("entity"));
        }
        catch (JsonException ex)
        {
            throw new FormatException("The text is not an operation handle: " + ex.Message, ex);
        }
    }

    /// <summary>Fails unless this handle belongs to <paramref name="api"/>'s <paramref name="waiter"/> at <paramref name="baseAddress"/>.</summary>
    /// <exception cref="InvalidOperationException">The handle is for another API, waiter or address.</exception>
    public void EnsureFor(string api, string waiter, Uri? baseAddress)
    {
        if (!string.Equals(Api, api, StringComparison.Ordinal) || !string.Equals(Waiter, waiter, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"This handle is for {Api}.{Waiter}, not {api}.{waiter}.");
        }
        if (BaseAddress is not null && baseAddress is not null && !Uri.Equals(BaseAddress, baseAddress))
        {
            throw new InvalidOperationException($"This handle's work runs at {BaseAddress}, but the client targets {baseAddress}; resuming would poll the wrong tenant.");
        }
    }
}
