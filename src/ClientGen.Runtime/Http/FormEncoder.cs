using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using ClientGen.Runtime.Generated;

namespace ClientGen.Runtime.Http;

/// <summary>
/// Writes a model as an <c>application/x-www-form-urlencoded</c> body, one top-level property at a time, by OpenAPI's
/// rules where the spec gives an <c>encoding</c> and by the bracket convention Stripe and Rails servers parse where
/// OpenAPI has none (a nested object or an array inside one): <c>metadata[order_id]=6735</c>, <c>items[0][price]=p_1</c>.
/// </summary>
/// <remarks>
/// Without an encoding, a top-level array of plain values is repeated (<c>tag=a&amp;tag=b</c>, OpenAPI's form default)
/// and a top-level object is bracketed. Nulls are left out; names and values are percent-encoded, brackets included.
/// </remarks>
internal static class FormEncoder
{
    public static string Encode(JsonElement model, IReadOnlyList<FormField>? encodings)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var property in model.EnumerateObject())
        {
            var encoding = encodings?.FirstOrDefault(e => e.Name == property.Name);
            Field(property.Name, property.Value, encoding, pairs);
        }
        return string.Join("&", pairs.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
    }

    private static void Field(string name, JsonElement value, FormField? encoding, List<KeyValuePair<string, string>> pairs)
    {
        if (value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return;
        if (encoding is { IsJson: true })
        {
            pairs.Add(new(name, value.GetRawText()));
            return;
        }
        var style = encoding?.Style ?? "form";
        var explode = encoding?.Explode ?? true;
        switch (value.ValueKind)
        {
            case JsonValueKind.Array when style == "deepObject" || value.EnumerateArray().Any(IsStructured):
                Brackets(name, value, pairs);
                break;
            case JsonValueKind.Array when style is "spaceDelimited" or "pipeDelimited" || !explode:
                pairs.Add(new(name, string.Join(style == "spaceDelimited" ? " " : style == "pipeDelimited" ? "|" : ",", value.EnumerateArray().Where(v => v.ValueKind != JsonValueKind.Null).Select(Scalar))));
                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray().Where(v => v.ValueKind != JsonValueKind.Null)) pairs.Add(new(name, Scalar(item)));
                break;
            case JsonValueKind.Object when style == "form" && !explode && !value.EnumerateObject().Any(p => IsStructured(p.Value)):
                // OpenAPI's form style, not exploded: name=key,value,key,value.
                pairs.Add(new(name, string.Join(",", value.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null).SelectMany(p => new[] { p.Name, Scalar(p.Value) }))));
                break;
            case JsonValueKind.Object:
                Brackets(name, value, pairs);
                break;
            default:
                pairs.Add(new(name, Scalar(value)));
                break;
        }
    }

    // name[key]=… for objects, name[0]=… for arrays, all the way down.
    private static void Brackets(string prefix, JsonElement value, List<KeyValuePair<string, string>> pairs)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject()) Brackets(prefix + "[" + property.Name + "]", property.Value, pairs);
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in value.EnumerateArray()) Brackets(prefix + "[" + index++ + "]", item, pairs);
                break;
            case JsonValueKind.Null:
            case JsonValueKind.Undefined:
                break;
            default:
                pairs.Add(new(prefix, Scalar(value)));
                break;
        }
    }

    private static bool IsStructured(JsonElement value) => value.ValueKind is JsonValueKind.Object or JsonValueKind.Array;

    private static string Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.GetRawText(),
    };
}
