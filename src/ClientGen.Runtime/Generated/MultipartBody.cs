using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ClientGen.Runtime.Generated;

/// <summary>
/// Builds a <c>multipart/form-data</c> body one property at a time, as OpenAPI defaults the parts: a file is a file
/// part; a string, number or boolean a <c>text/plain</c> part of its text; an object a JSON part; a list one part per
/// item (the same rules per item), or one JSON part when the property's <c>encoding</c> says JSON. Files are streamed.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class MultipartBody
{
    private readonly MultipartFormDataContent _content = new();
    private readonly IReadOnlyList<FormField>? _encodings;

    /// <summary>A body whose properties are encoded by <paramref name="encodings"/> where the spec gives one.</summary>
    public MultipartBody(IReadOnlyList<FormField>? encodings = null) => _encodings = encodings;

    /// <summary>Adds a file part.</summary>
    public void AddFile(string name, FilePart file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var part = new StreamContent(file.Content);
        part.Headers.ContentType = MediaTypeHeaderValue.Parse(file.ContentType ?? "application/octet-stream");
        // Set whole: MultipartFormDataContent.Add(part, name, fileName) also writes filename*= from the quoted name,
        // and a server that prefers filename* (busboy, multer) would read the quotes as part of it.
        part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = Quoted(name), FileName = Quoted(file.FileName) };
        _content.Add(part);
    }

    /// <summary>Adds one file part per file, each under <paramref name="name"/>.</summary>
    public void AddFiles(string name, IEnumerable<FilePart> files)
    {
        foreach (var file in files) AddFile(name, file);
    }

    /// <summary>Adds a property given as the JSON the generated writer produces.</summary>
    public void AddValue(string name, string json)
    {
        using var document = JsonDocument.Parse(json);
        var value = document.RootElement;
        var asJson = _encodings?.FirstOrDefault(e => e.Name == name)?.IsJson == true;
        // OpenAPI: an array of primitives is one part per item; an array of objects is complex, one application/json part.
        var complex = value.ValueKind == JsonValueKind.Array && value.EnumerateArray().Any(item => item.ValueKind is JsonValueKind.Object or JsonValueKind.Array);
        if (value.ValueKind == JsonValueKind.Array && !asJson && !complex)
        {
            foreach (var item in value.EnumerateArray()) AddElement(name, item);
            return;
        }
        if (asJson || complex) AddJson(name, value);
        else AddElement(name, value);
    }

    /// <summary>The body, ready to send.</summary>
    public HttpContent ToContent() => _content;

    private void AddElement(string name, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return;
            case JsonValueKind.Object or JsonValueKind.Array:
                AddJson(name, value);
                return;
            default:
                var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
                _content.Add(new StringContent(text, Encoding.UTF8, "text/plain"), Quoted(name));
                return;
        }
    }

    private void AddJson(string name, JsonElement value) =>
        _content.Add(new StringContent(value.GetRawText(), Encoding.UTF8, "application/json"), Quoted(name));

    // Content-Disposition parameters are quoted strings: a name with a space or a bracket stays one token.
    private static string Quoted(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
