using System;
using System.Text.Json;

namespace ClientGen.Runtime.Generated;

/// <summary>
/// The tests a generated union's reader runs to pick its member without trial deserialization. Each one looks at the
/// current token, or (for objects and arrays) at a copy of the reader, which the caller's reader never sees moved: a
/// union is read in one pass over its value plus at most one scan of its property names.
/// </summary>
/// <remarks>
/// A copy can look ahead only as far as the reader's buffer goes. Generated clients read a response body whole before
/// reading it, and System.Text.Json buffers a whole value before calling a custom converter, so the copy always has it.
/// </remarks>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class JsonUnion
{
    /// <summary>
    /// Scans an object's own property names once. Bit <c>i</c> of the result is set when the object has a property named
    /// <c>names[i]</c> and, when <c>values[i]</c> is not null, that property's value is <c>values[i]</c> (a string's text, or
    /// a number's or boolean's JSON literal). At most 64 entries count.
    /// </summary>
    public static ulong ProbeObject(Utf8JsonReader reader, byte[][] names, byte[]?[] values)
    {
        if (reader.TokenType != JsonTokenType.StartObject) return 0;
        ulong mask = 0;
        var count = Math.Min(Math.Min(names.Length, values.Length), 64);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var matched = -1;
            for (var i = 0; i < count; i++)
            {
                if (reader.ValueTextEquals(names[i]))
                {
                    matched = i;
                    break;
                }
            }
            if (!reader.Read()) break;
            if (matched >= 0)
            {
                // Entries for one name sit side by side (the generator groups them): a present bit and a bit per value.
                for (var i = matched; i < count && names[i].AsSpan().SequenceEqual(names[matched]); i++)
                {
                    if (values[i] is not { } expected || ValueIs(ref reader, expected)) mask |= 1UL << i;
                }
            }
            reader.Skip();
        }
        return mask;
    }

    /// <summary>The token of an array's first item, or <see cref="JsonTokenType.None"/> for an empty array.</summary>
    public static JsonTokenType FirstItem(Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray || !reader.Read()) return JsonTokenType.None;
        return reader.TokenType == JsonTokenType.EndArray ? JsonTokenType.None : reader.TokenType;
    }

    /// <summary>True when the current string token's text is one of <paramref name="values"/>.</summary>
    public static bool StringIn(ref Utf8JsonReader reader, byte[][] values)
    {
        if (reader.TokenType != JsonTokenType.String) return false;
        foreach (var value in values)
        {
            if (reader.ValueTextEquals(value)) return true;
        }
        return false;
    }

    /// <summary>True when the current number token is an integer listed in <paramref name="values"/>.</summary>
    public static bool NumberIn(ref Utf8JsonReader reader, long[] values) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var number) && Array.IndexOf(values, number) >= 0;

    /// <summary>True when the current number token is written without a fraction or exponent and fits 64 bits.</summary>
    public static bool IsInteger(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number && reader.ValueSpan.IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0 && reader.TryGetInt64(out _);

    /// <summary>True when the current string token is an RFC 3339 date-time.</summary>
    public static bool IsDateTime(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out _);

    /// <summary>True when the current string token is a UUID.</summary>
    public static bool IsGuid(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String && reader.TryGetGuid(out _);

    /// <summary>Member values compare by their own equality; raw JSON of an unknown shape compares by content.</summary>
    public static bool ValueEquals(object? left, object? right) => (left, right) switch
    {
        (JsonElement a, JsonElement b) => JsonElementEquals(a, b),
        _ => Equals(left, right),
    };

    /// <summary>A hash that agrees with <see cref="ValueEquals"/>.</summary>
    public static int ValueHash(object? value) => value switch
    {
        null => 0,
        JsonElement element => element.ValueKind.GetHashCode(),
        _ => value.GetHashCode(),
    };

    /// <summary>The error for a union with no value (a <c>default</c> struct) where one is needed.</summary>
    public static InvalidOperationException Empty(string typeName) =>
        new($"This {typeName} is default: it holds no value. Create one from a member value.");

    private static bool ValueIs(ref Utf8JsonReader reader, byte[] expected) => reader.TokenType switch
    {
        JsonTokenType.String => reader.ValueTextEquals(expected),
        JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False => !reader.HasValueSequence && reader.ValueSpan.SequenceEqual(expected),
        _ => false,
    };

#if NET9_0_OR_GREATER
    private static bool JsonElementEquals(JsonElement a, JsonElement b) => JsonElement.DeepEquals(a, b);
#else
    private static bool JsonElementEquals(JsonElement a, JsonElement b) => a.ValueKind == b.ValueKind && a.GetRawText() == b.GetRawText();
#endif
}
