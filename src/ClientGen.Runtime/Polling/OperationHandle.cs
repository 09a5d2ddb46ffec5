using System;
using System.Collections.Generic;
using System.Linq;
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
    /// <summary>
    /// The other values the wait needs besides <see cref="Id"/>, by name (a GraphQL status query's other variables,
    /// such as Zscaler's reportId). Empty for most waits.
    /// </summary>
    public IReadOnlyDictionary<string, string> Arguments { get; init; } = new Dictionary<string, string>();

    /// <summary>Equal when every member is, <see cref="Arguments"/> compared by content (a parsed handle equals the one written).</summary>
    public bool Equals(OperationHandle? other) =>
        other is not null && Api == other.Api && Waiter == other.Waiter && Id == other.Id && Equals(BaseAddress, other.BaseAddress) && Entity == other.Entity
        && Arguments.Count == other.Arguments.Count && Arguments.All(a => other.Arguments.TryGetValue(a.Key, out var value) && value == a.Value);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Api, Waiter, Id, BaseAddress, Entity, Arguments.Count);

    /// <summary>The value of one of <see cref="Arguments"/>.</summary>
    /// <exception cref="InvalidOperationException">The handle has no such value (it was written for another wait).</exception>
    public string Argument(string name) =>
        Arguments.TryGetValue(name, out var value) ? value : throw new InvalidOperationException($"This handle for {Api}.{Waiter} has no '{name}': it cannot resume the wait.");

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
            if (Arguments.Count > 0)
            {
                writer.WriteStartObject("arguments");
                foreach (var argument in Arguments) writer.WriteString(argument.Key, argument.Value);
                writer.WriteEndObject();
            }
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
            var arguments = new Dictionary<string, string>();
            if (root.TryGetProperty("arguments", out var written) && written.ValueKind == JsonValueKind.Object)
            {
                foreach (var argument in written.EnumerateObject())
                {
                    if (argument.Value.ValueKind == JsonValueKind.String) arguments[argument.Name] = argument.Value.GetString()!;
                }
            }
            return new OperationHandle(api, waiter, id, baseAddress is null ? null : new Uri(baseAddress, UriKind.RelativeOrAbsolute), Text("entity")) { Arguments = arguments };
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
