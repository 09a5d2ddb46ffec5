using System;
using System.Collections.Generic;
using System.Linq;
using ClientGen.Generator.Model;
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
