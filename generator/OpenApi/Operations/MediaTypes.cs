using System;
using System.Collections.Generic;
using System.Linq;
using ClientGen.Generator.Model;
using NJsonSchema;
using NSwag;

namespace ClientGen.Generator.OpenApi.Operations;

/// <summary>Which of an operation's media types the client uses, and what kind of body each is.</summary>
internal static class MediaTypes
{
    /// <summary>Prefers JSON, then form, then the first listed media type.</summary>
    public static (string ContentType, OpenApiMediaType Media) PickContent(IDictionary<string, OpenApiMediaType> content)
    {
        foreach (var preferred in new[] { BodyKind.Json, BodyKind.FormUrlEncoded, BodyKind.Multipart, BodyKind.Text })
        {
            foreach (var entry in content)
            {
                if (BodyKindOf(entry.Key) == preferred) return (entry.Key, entry.Value);
            }
        }
        var first = content.First();
        return (first.Key, first.Value);
    }

    /// <summary>
    /// What a media type's body is: a <c>type: string, format: binary</c> schema is the bytes themselves whatever the
    /// media type says (a file sent as <c>application/json</c> or <c>*/*</c> is not a JSON string).
    /// </summary>
    public static BodyKind KindOf(string contentType, OpenApiMediaType media) =>
        IsBinary(media.Schema) ? BodyKind.Stream : BodyKindOf(contentType);

    /// <summary>The media type names no single type (<c>*/*</c>, <c>image/*</c>): the caller says what it sends.</summary>
    public static bool IsWildcard(string contentType) => contentType.IndexOf('*') >= 0;

    private static bool IsBinary(JsonSchema? schema)
    {
        if (schema == null) return false;
        var actual = schema.ActualSchema;
        return actual.Type == JsonObjectType.String && actual.Format == "binary";
    }

    public static BodyKind BodyKindOf(string contentType)
    {
        var type = contentType.Split(';')[0].Trim().ToLowerInvariant();
        if (type == "application/json" || type.EndsWith("+json", StringComparison.Ordinal) || type == "text/json" || type == "*/*" || type == "application/*") return BodyKind.Json;
        if (type == "application/x-www-form-urlencoded") return BodyKind.FormUrlEncoded;
        if (type == "text/plain") return BodyKind.Text;
        if (type == "multipart/form-data") return BodyKind.Multipart;
        if (type.StartsWith("multipart/", StringComparison.Ordinal) || type.EndsWith("/xml", StringComparison.Ordinal) || type.EndsWith("+xml", StringComparison.Ordinal)) return BodyKind.RawContent;
        return BodyKind.Stream;
    }
}
