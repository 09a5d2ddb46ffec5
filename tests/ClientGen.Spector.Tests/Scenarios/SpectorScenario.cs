using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace ClientGen.Spector.Tests.Scenarios;

/// <summary>One Spector scenario as its mockapi.js defines it (tests/spector/scenarios.mjs writes them all to JSON).</summary>
public sealed record SpectorScenario(string Name, string Area, string? PassCondition, int? Code, IReadOnlyList<ScenarioCall> Apis)
{
    private static readonly string s_file = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../spector/openapi/scenarios.json"));
    private static readonly Lazy<IReadOnlyList<SpectorScenario>> s_all = new(Load);

    public static IReadOnlyList<SpectorScenario> All => s_all.Value;

    public static SpectorScenario Named(string name) => All.Single(s => s.Name == name);

    public override string ToString() => Name;

    private static IReadOnlyList<SpectorScenario> Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(s_file));
        return document.RootElement.EnumerateArray().Select(s => new SpectorScenario(
            s.GetProperty("name").GetString()!,
            s.GetProperty("area").GetString()!,
            s.TryGetProperty("passCondition", out var pass) ? pass.GetString() : null,
            s.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.Number ? code.GetInt32() : null,
            s.GetProperty("apis").EnumerateArray().Select(ScenarioCall.From).ToArray())).ToArray();
    }
}

/// <summary>
/// One request the mock expects and what it answers. Query, header and path values are kept as JSON (a string, a number
/// or an array of them); bodies as <see cref="ScenarioBody"/>.
/// </summary>
public sealed record ScenarioCall(
    string Method,
    string Uri,
    IReadOnlyDictionary<string, JsonElement> Query,
    IReadOnlyDictionary<string, JsonElement> PathParams,
    IReadOnlyDictionary<string, JsonElement> Headers,
    ScenarioBody? Body,
    int Status,
    IReadOnlyDictionary<string, JsonElement> ResponseHeaders,
    ScenarioBody? ResponseBody)
{
    internal static ScenarioCall From(JsonElement api) => new(
        api.GetProperty("method").GetString()!,
        api.GetProperty("uri").GetString()!,
        Values(api, "query"),
        Values(api, "pathParams"),
        Values(api, "headers"),
        ScenarioBody.From(api, "body"),
        api.GetProperty("status").GetInt32(),
        Values(api, "responseHeaders"),
        ScenarioBody.From(api, "responseBody"));

    private static IReadOnlyDictionary<string, JsonElement> Values(JsonElement api, string name) =>
        api.TryGetProperty(name, out var values) && values.ValueKind == JsonValueKind.Object
            ? values.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null).ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, JsonElement>();
}

/// <summary>A request or response body: text (JSON, XML, plain) or bytes, or multipart parts and files.</summary>
public sealed record ScenarioBody(string ContentType, string? Text, byte[]? Bytes, JsonElement? Parts, IReadOnlyList<ScenarioFile> Files)
{
    public bool IsJson => ContentType.Contains("json", StringComparison.OrdinalIgnoreCase) && Text is not null;

    internal static ScenarioBody? From(JsonElement api, string name)
    {
        if (!api.TryGetProperty(name, out var body) || body.ValueKind != JsonValueKind.Object) return null;
        var files = body.TryGetProperty("files", out var list)
            ? list.EnumerateArray().Select(f => new ScenarioFile(f.GetProperty("fieldName").GetString()!, f.GetProperty("fileName").GetString(), f.GetProperty("contentType").GetString(), Convert.FromBase64String(f.GetProperty("base64").GetString()!))).ToArray()
            : Array.Empty<ScenarioFile>();
        return new ScenarioBody(
            body.TryGetProperty("contentType", out var type) ? type.GetString() ?? "" : "",
            body.TryGetProperty("text", out var text) ? text.GetString() : null,
            body.TryGetProperty("base64", out var bytes) ? Convert.FromBase64String(bytes.GetString()!) : null,
            body.TryGetProperty("parts", out var parts) ? parts.Clone() : null,
            files);
    }
}

/// <summary>A file part of a multipart request, as the mock expects it.</summary>
public sealed record ScenarioFile(string FieldName, string? FileName, string? ContentType, byte[] Content);
