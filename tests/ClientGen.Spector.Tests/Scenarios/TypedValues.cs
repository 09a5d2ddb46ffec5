using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;

namespace ClientGen.Spector.Tests.Scenarios;

/// <summary>
/// Turns a scenario's expected wire values into the typed values a user would pass to the generated method: models,
/// enums and unions through the client's own JSON resolver, scalars parsed in every encoding Spector sends (RFC 3339,
/// RFC 7231, Unix seconds, ISO 8601 durations, seconds, base64 and base64url), collections element by element.
/// </summary>
public sealed class TypedValues(JsonSerializerOptions generated)
{
    public object? FromJson(JsonElement element, Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (type == typeof(JsonElement)) return element.Clone(); // JSON's null too
        if (element.ValueKind == JsonValueKind.Null) return null;
        if (underlying is not null) return FromJson(element, underlying);
        if (type == typeof(object)) return element.Clone();
        if (type == typeof(System.Text.Json.Nodes.JsonNode)) return System.Text.Json.Nodes.JsonNode.Parse(element.GetRawText());
        if (IsGenerated(type)) return JsonSerializer.Deserialize(element.GetRawText(), type, generated);
        if (DictionaryValueType(type) is { } valueType)
        {
            var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(typeof(string), valueType))!;
            foreach (var property in element.EnumerateObject()) dictionary[property.Name] = FromJson(property.Value, valueType);
            return dictionary;
        }
        if (ElementType(type) is { } itemType)
        {
            var items = element.ValueKind == JsonValueKind.Array ? element.EnumerateArray().Select(e => FromJson(e, itemType)) : Split(element.GetString()!).Select(s => FromWire(s, itemType));
            return Collection(type, itemType, items);
        }
        return FromWire(element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText(), type);
    }

    public object? FromWire(string text, Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null) return FromWire(text, underlying);
        if (type == typeof(string) || type == typeof(object)) return text;
        if (type == typeof(bool)) return bool.Parse(text);
        if (type == typeof(int)) return int.Parse(text, CultureInfo.InvariantCulture);
        if (type == typeof(long)) return long.Parse(text, CultureInfo.InvariantCulture);
        if (type == typeof(short)) return short.Parse(text, CultureInfo.InvariantCulture);
        if (type == typeof(byte)) return byte.Parse(text, CultureInfo.InvariantCulture);
        if (type == typeof(sbyte)) return sbyte.Parse(text, CultureInfo.InvariantCulture);
        if (type == typeof(uint)) return uint.Parse(text, CultureInfo.InvariantCulture);
        if (type == typeof(ulong)) return ulong.Parse(text, CultureInfo.InvariantCulture);
        if (type == typeof(double)) return double.Parse(text, CultureInfo.InvariantCulture);
        if (type == typeof(float)) return float.Parse(text, CultureInfo.InvariantCulture);
        if (type == typeof(decimal)) return decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (type == typeof(Guid)) return Guid.Parse(text);
        if (type == typeof(Uri)) return new Uri(text, UriKind.RelativeOrAbsolute);
        if (type == typeof(DateTimeOffset)) return ParseInstant(text);
        if (type == typeof(DateTime)) return ParseInstant(text).UtcDateTime;
        if (type == typeof(DateOnly)) return DateOnly.Parse(text, CultureInfo.InvariantCulture);
        if (type == typeof(TimeOnly)) return TimeOnly.Parse(text, CultureInfo.InvariantCulture);
        if (type == typeof(TimeSpan)) return ParseDuration(text);
        if (type == typeof(byte[])) return ParseBytes(text);
        if (IsGenerated(type)) return FromGeneratedScalar(text, type);
        if (DictionaryValueType(type) is { } valueType)
        {
            // a=1,b=2 (exploded) or a,1,b,2
            var tokens = Regex.Split(text, "[,;.]").Where(t => t.Length > 0).ToArray();
            var pairs = tokens.All(t => t.Contains('='))
                ? tokens.Select(t => (t[..t.IndexOf('=')], t[(t.IndexOf('=') + 1)..]))
                : tokens.Chunk(2).Select(p => (p[0], p[1]));
            var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(typeof(string), valueType))!;
            foreach (var (key, value) in pairs) dictionary[key] = FromWire(value, valueType);
            return dictionary;
        }
        if (ElementType(type) is { } itemType) return Collection(type, itemType, Split(text).Select(s => FromWire(s, itemType)));
        throw new NotSupportedException($"The scenario driver cannot build a {type} from '{text}'.");
    }

    public static bool IsGenerated(Type type) => type.Namespace?.StartsWith("Spector", StringComparison.Ordinal) == true;

    public static DateTimeOffset ParseInstant(string text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public static TimeSpan ParseDuration(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : text.StartsWith('P') || text.StartsWith("-P", StringComparison.Ordinal) ? XmlConvert.ToTimeSpan(text) : TimeSpan.Parse(text, CultureInfo.InvariantCulture);

    // Base64 or base64url, padded or not: the runtime's decoder takes all four.
    public static byte[] ParseBytes(string text) =>
        ClientGen.Runtime.Generated.WireEncodings.TryDecodeBase64Url(text, out var bytes) ? bytes : throw new FormatException($"'{text}' is not base64.");

    // An enum, extensible enum or union read from its JSON form: quoted first (strings), raw second (numbers, booleans).
    private object? FromGeneratedScalar(string text, Type type)
    {
        try
        {
            return JsonSerializer.Deserialize(JsonSerializer.Serialize(text), type, generated);
        }
        catch (JsonException)
        {
            return JsonSerializer.Deserialize(text, type, generated);
        }
    }

    // Spector joins a collection for the wire with the separator of its format (csv, ssv, tsv, pipes).
    private static string[] Split(string text)
    {
        foreach (var separator in new[] { ',', '|', '\t', ' ' })
        {
            if (text.Contains(separator)) return text.Split(separator);
        }
        return text.Length == 0 ? [] : [text];
    }

    private static object Collection(Type type, Type itemType, IEnumerable<object?> items)
    {
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(itemType))!;
        foreach (var item in items) list.Add(item);
        if (!type.IsArray) return list;
        var array = Array.CreateInstance(itemType, list.Count);
        list.CopyTo(array, 0);
        return array;
    }

    public static Type? ElementType(Type type)
    {
        if (type == typeof(string) || type == typeof(byte[])) return null;
        if (type.IsArray) return type.GetElementType();
        if (!type.IsGenericType) return null;
        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(List<>) || definition == typeof(IList<>) || definition == typeof(IReadOnlyList<>) || definition == typeof(IEnumerable<>) || definition == typeof(ICollection<>) || definition == typeof(IReadOnlyCollection<>)
            ? type.GetGenericArguments()[0]
            : null;
    }

    public static Type? DictionaryValueType(Type type)
    {
        if (!type.IsGenericType) return null;
        var definition = type.GetGenericTypeDefinition();
        return (definition == typeof(Dictionary<,>) || definition == typeof(IDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>)) && type.GetGenericArguments()[0] == typeof(string)
            ? type.GetGenericArguments()[1]
            : null;
    }
}
