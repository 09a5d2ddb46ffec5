using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace ClientGen.Runtime.Http;

/// <summary>
/// Parameter values written the way OpenAPI 3's <c>style</c> and <c>explode</c> say (RFC 6570 for path styles,
/// form-style for query and cookie), for the three shapes a value has: one value, a list, and key/value pairs (an
/// object or a map). Every item is percent-encoded on its own and delimiters are written literally, so a comma inside
/// a value never reads as a delimiter. The cases are the rows of the specification's "Style Examples" table;
/// <c>label</c> and <c>matrix</c> follow RFC 6570 where the 3.0.3 table has a known erratum (3.0.4 corrects it).
/// </summary>
internal static class StyleSerializer
{
    public static string Encode(string value) => Uri.EscapeDataString(value);

    /// <summary>A path segment's text for a value, list or pairs.</summary>
    public static string Path(string name, string style, bool explode, IReadOnlyList<string>? list, IReadOnlyList<KeyValuePair<string, string>>? pairs, string? single)
    {
        var items = Items(list, pairs, single, explode, keyValueSeparator: "=");
        switch (style)
        {
            case "label":
                // {.x}: one leading dot; exploded items are dot-separated, others comma-separated.
                return "." + string.Join(explode && single is null ? "." : ",", items);
            case "matrix":
                if (explode && list is not null) return string.Concat(list.Select(v => ";" + Encode(name) + "=" + Encode(v)));
                if (explode && pairs is not null) return string.Concat(pairs.Select(p => ";" + Encode(p.Key) + "=" + Encode(p.Value)));
                var joined = string.Join(",", items);
                return ";" + Encode(name) + (joined.Length == 0 && single is not null ? string.Empty : "=" + joined);
            default:
                return string.Join(",", items);
        }
    }

    /// <summary>The query pairs, names and values percent-encoded, for a value, list or pairs.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Query(string name, string style, bool explode, IReadOnlyList<string>? list, IReadOnlyList<KeyValuePair<string, string>>? pairs, string? single)
    {
        var encodedName = Encode(name);
        if (single is not null) return new[] { new KeyValuePair<string, string>(encodedName, Encode(single)) };
        if (style == "deepobject" && pairs is not null)
        {
            return pairs.Select(p => new KeyValuePair<string, string>(encodedName + "[" + Encode(p.Key) + "]", Encode(p.Value)));
        }
        var separator = style switch
        {
            "spacedelimited" => "%20",
            "pipedelimited" => "|",
            "tabdelimited" => "%09",
            _ => ",",
        };
        // Exploded form writes each value (or each property) as its own pair; the delimited styles are never exploded.
        if (explode && separator == ",")
        {
            return list is not null
                ? list.Select(v => new KeyValuePair<string, string>(encodedName, Encode(v)))
                : pairs!.Select(p => new KeyValuePair<string, string>(Encode(p.Key), Encode(p.Value)));
        }
        return new[] { new KeyValuePair<string, string>(encodedName, string.Join(separator, Items(list, pairs, null, explode: false, keyValueSeparator: ","))) };
    }

    /// <summary>A header value (simple style, not percent-encoded: headers are not URLs).</summary>
    public static string Header(bool explode, IReadOnlyList<string>? list, IReadOnlyList<KeyValuePair<string, string>>? pairs) =>
        list is not null
            ? string.Join(",", list)
            : string.Join(",", pairs!.Select(p => explode ? p.Key + "=" + p.Value : p.Key + "," + p.Value));

    private static IEnumerable<string> Items(IReadOnlyList<string>? list, IReadOnlyList<KeyValuePair<string, string>>? pairs, string? single, bool explode, string keyValueSeparator)
    {
        if (single is not null) return single.Length == 0 ? Array.Empty<string>() : new[] { Encode(single) };
        if (list is not null) return list.Select(Encode);
        return explode
            ? pairs!.Select(p => Encode(p.Key) + keyValueSeparator + Encode(p.Value))
            : pairs!.SelectMany(p => new[] { Encode(p.Key), Encode(p.Value) });
    }

    /// <summary>
    /// A value given as JSON in the shape a style spreads: an object's properties as pairs, an array's items as a list, a
    /// scalar as itself. A union's value is any of the three, known only when it is written.
    /// </summary>
    public static (IReadOnlyList<string>? List, IReadOnlyList<KeyValuePair<string, string>>? Pairs, string? Single) Shape(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var root = document.RootElement;
        return root.ValueKind switch
        {
            System.Text.Json.JsonValueKind.Object => (null, Pairs(root), null),
            System.Text.Json.JsonValueKind.Array => (root.EnumerateArray().Where(v => v.ValueKind != System.Text.Json.JsonValueKind.Null).Select(Text).ToList(), null, null),
            _ => (null, null, Text(root)),
        };
    }

    /// <summary>The top-level properties of a JSON object as pairs: strings as they are, other values as their JSON text, nulls left out.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Pairs(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        return document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object ? Pairs(document.RootElement) : new List<KeyValuePair<string, string>>();
    }

    private static List<KeyValuePair<string, string>> Pairs(System.Text.Json.JsonElement element)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var property in element.EnumerateObject())
        {
            if (property.Value.ValueKind == System.Text.Json.JsonValueKind.Null) continue;
            pairs.Add(new(property.Name, Text(property.Value)));
        }
        return pairs;
    }

    private static string Text(System.Text.Json.JsonElement value) =>
        value.ValueKind == System.Text.Json.JsonValueKind.String ? value.GetString()! : value.GetRawText();
}
