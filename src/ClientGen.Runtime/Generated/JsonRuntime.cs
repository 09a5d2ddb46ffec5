using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;

namespace ClientGen.Runtime.Generated;

/// <summary>
/// The JSON primitives generated models are built from. Readers are lenient where real APIs are
/// sloppy (numbers sent as strings), strict where leniency would lose data, and every failure is a
/// <see cref="JsonException"/> naming what was expected and where, never a NullReferenceException.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class JsonRuntime
{
    /// <summary>Reads a string. A number or boolean is accepted as its JSON text.</summary>
    public static string ReadString(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String or JsonTokenType.PropertyName => reader.GetString()!,
        JsonTokenType.Number => Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray()),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => throw Unexpected(ref reader, "a string"),
    };

    /// <summary>Reads a 32-bit integer, from a number or a numeric string.</summary>
    public static int ReadInt32(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value)) return value;
        if (reader.TokenType == JsonTokenType.String && int.TryParse(reader.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value)) return value;
        throw Unexpected(ref reader, "a 32-bit integer");
    }

    /// <summary>Reads a 64-bit integer, from a number or a numeric string (APIs send large ids as strings).</summary>
    public static long ReadInt64(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value)) return value;
        if (reader.TokenType == JsonTokenType.String && long.TryParse(reader.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value)) return value;
        throw Unexpected(ref reader, "a 64-bit integer");
    }

    /// <summary>Reads a single-precision number.</summary>
    public static float ReadSingle(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetSingle(out var value)) return value;
        if (reader.TokenType == JsonTokenType.String && float.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value)) return value;
        throw Unexpected(ref reader, "a number");
    }

    /// <summary>Reads a double-precision number.</summary>
    public static double ReadDouble(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var value)) return value;
        if (reader.TokenType == JsonTokenType.String && double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value)) return value;
        throw Unexpected(ref reader, "a number");
    }

    /// <summary>Reads a decimal number.</summary>
    public static decimal ReadDecimal(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var value)) return value;
        if (reader.TokenType == JsonTokenType.String && decimal.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value)) return value;
        throw Unexpected(ref reader, "a decimal number");
    }

    /// <summary>Reads a boolean, from <c>true</c>/<c>false</c> or their string forms.</summary>
    public static bool ReadBoolean(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.String when bool.TryParse(reader.GetString(), out var value) => value,
        _ => throw Unexpected(ref reader, "a boolean"),
    };

    /// <summary>Reads an RFC 3339 date-time.</summary>
    public static DateTimeOffset ReadDateTimeOffset(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            if (reader.TryGetDateTimeOffset(out var value)) return value;
            if (DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value)) return value;
        }
        throw Unexpected(ref reader, "a date-time string");
    }

    /// <summary>Reads a full-date (<c>yyyy-MM-dd</c>).</summary>
    public static DateOnly ReadDate(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            var text = reader.GetString();
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dateTime)) return DateOnly.FromDateTime(dateTime.Date);
        }
        throw Unexpected(ref reader, "a date string (yyyy-MM-dd)");
    }

    /// <summary>Reads a UUID.</summary>
    public static Guid ReadGuid(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String && reader.TryGetGuid(out var value)) return value;
        if (reader.TokenType == JsonTokenType.String && Guid.TryParse(reader.GetString(), out value)) return value;
        throw Unexpected(ref reader, "a UUID string");
    }

    /// <summary>Reads a URI, absolute or relative.</summary>
    public static Uri ReadUri(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String && Uri.TryCreate(reader.GetString(), UriKind.RelativeOrAbsolute, out var uri)) return uri;
        throw Unexpected(ref reader, "a URI string");
    }

    /// <summary>Reads base64-encoded bytes.</summary>
    public static byte[] ReadBytes(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String && reader.TryGetBytesFromBase64(out var bytes)) return bytes;
        throw Unexpected(ref reader, "a base64 string");
    }

    /// <summary>
    /// Reads a <c>format: binary</c> string inside a JSON document: JSON has no raw octets, so the string's
    /// UTF-8 bytes are the content.
    /// </summary>
    public static Stream ReadStream(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String) throw Unexpected(ref reader, "a string");
        return new MemoryStream(Encoding.UTF8.GetBytes(reader.GetString()!), writable: false);
    }

    /// <summary>Reads a file property from JSON, which can only carry it as text: a file named after the property is not known here, so it is <c>file</c>.</summary>
    public static FilePart ReadFile(ref Utf8JsonReader reader) => new(ReadStream(ref reader), "file");

    /// <summary>Reads any JSON value as an element that owns its data.</summary>
    public static JsonElement ReadAny(ref Utf8JsonReader reader) => JsonElement.ParseValue(ref reader);

    /// <summary>Reads a JSON array.</summary>
    public static IReadOnlyList<T> ReadList<T>(ref Utf8JsonReader reader, JsonReadFunc<T> readItem)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw Unexpected(ref reader, "an array");
        var list = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) list.Add(readItem(ref reader));
        return list;
    }

    /// <summary>Reads an id (a JSON string) or the object <paramref name="readValue"/> reads: by the token, in one pass.</summary>
    public static IdOr<T> ReadIdOr<T>(ref Utf8JsonReader reader, JsonReadFunc<T> readValue)
        where T : class =>
        reader.TokenType == JsonTokenType.String ? new IdOr<T>(reader.GetString()!) : new IdOr<T>(readValue(ref reader));

    /// <summary>Reads a JSON object as a dictionary.</summary>
    public static IReadOnlyDictionary<string, T> ReadMap<T>(ref Utf8JsonReader reader, JsonReadFunc<T> readValue)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw Unexpected(ref reader, "an object");
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = reader.GetString()!;
            reader.Read();
            map[key] = readValue(ref reader);
        }
        return map;
    }

    /// <summary>
    /// Reads a value that a server may send either as JSON or as a string containing JSON (GraphQL JSON
    /// scalars are sent both ways), with the same generated reader.
    /// </summary>
    public static T ReadEncoded<T>(ref Utf8JsonReader reader, JsonReadFunc<T> read)
    {
        if (reader.TokenType != JsonTokenType.String) return read(ref reader);
        var text = reader.GetString()!;
        var inner = new Utf8JsonReader(Encoding.UTF8.GetBytes(text));
        if (!inner.Read()) throw new JsonException("The encoded JSON string is empty.");
        return read(ref inner);
    }

    /// <summary>Fails unless the reader is on the start of an object.</summary>
    public static void ExpectStartObject(ref Utf8JsonReader reader, string typeName)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw Unexpected(ref reader, $"an object for {typeName}");
    }

    /// <summary>
    /// Finds the discriminator of the object the reader is on without moving it (the reader is a copy),
    /// so a polymorphic payload reads correctly whatever the position of the discriminator property.
    /// </summary>
    public static string? PeekDiscriminator(Utf8JsonReader reader, ReadOnlySpan<byte> propertyName)
    {
        if (reader.TokenType != JsonTokenType.StartObject) return null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var match = reader.ValueTextEquals(propertyName);
            reader.Read();
            if (match) return reader.TokenType is JsonTokenType.String or JsonTokenType.Number ? ReadString(ref reader) : null;
            reader.Skip();
        }
        return null;
    }

    /// <summary>The error for a required property the payload lacks.</summary>
    public static JsonException MissingProperty(string typeName, string propertyName) =>
        new($"The required property '{propertyName}' of {typeName} is missing.");

    /// <summary>The error for a token that is not what the schema says.</summary>
    public static JsonException Unexpected(ref Utf8JsonReader reader, string expected) =>
        new($"Expected {expected} but found {Describe(reader.TokenType)} at byte {reader.TokenStartIndex.ToString(CultureInfo.InvariantCulture)}.");

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.Null => "null",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => token.ToString(),
    };

    /// <summary>Writes a full-date.</summary>
    public static void WriteDate(Utf8JsonWriter writer, DateOnly value) =>
        writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>Writes a <c>format: binary</c> value inside a JSON document as the string its UTF-8 bytes spell, from the start of a seekable stream.</summary>
    public static void WriteStream(Utf8JsonWriter writer, Stream value)
    {
        if (value.CanSeek) value.Position = 0;
        using var copy = new MemoryStream();
        value.CopyTo(copy);
        writer.WriteStringValue(Encoding.UTF8.GetString(copy.GetBuffer(), 0, (int)copy.Length));
    }

    /// <summary>Writes a file property as JSON text (JSON cannot carry bytes; multipart bodies send it as a file part).</summary>
    public static void WriteFile(Utf8JsonWriter writer, FilePart value) => WriteStream(writer, value.Content);

    /// <summary>Writes a JSON array.</summary>
    public static void WriteList<T>(Utf8JsonWriter writer, IEnumerable<T> items, JsonWriteFunc<T> writeItem)
    {
        writer.WriteStartArray();
        foreach (var item in items) writeItem(writer, item);
        writer.WriteEndArray();
    }

    /// <summary>Writes the id as a JSON string, or the object; <c>default</c> (neither) as null.</summary>
    public static void WriteIdOr<T>(Utf8JsonWriter writer, IdOr<T> value, JsonWriteFunc<T> writeValue)
        where T : class
    {
        if (value.Id is { } id) writer.WriteStringValue(id);
        else if (value.Value is { } item) writeValue(writer, item);
        else writer.WriteNullValue();
    }

    /// <summary>Writes a dictionary as a JSON object.</summary>
    public static void WriteMap<T>(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, T>> map, JsonWriteFunc<T> writeValue)
    {
        writer.WriteStartObject();
        foreach (var entry in map)
        {
            writer.WritePropertyName(entry.Key);
            writeValue(writer, entry.Value);
        }
        writer.WriteEndObject();
    }

    /// <summary>Serializes a value with its generated writer.</summary>
    public static byte[] Serialize<T>(T value, JsonWriteFunc<T> write)
    {
        // One buffer and writer per thread, taken out while in use so a writer that serializes again inside gets its own;
        // a new pair and a copy per call cost 752 B against 216 B for the body alone (#18).
        var scratch = t_scratch ?? new SerializeScratch();
        t_scratch = null;
        try
        {
            scratch.Writer.Reset(scratch.Buffer);
            write(scratch.Writer, value);
            scratch.Writer.Flush();
            return scratch.Buffer.WrittenSpan.ToArray();
        }
        finally
        {
            scratch.Buffer.ResetWrittenCount();
            // A buffer grown by one huge body is not kept for the thread's lifetime.
            if (scratch.Buffer.Capacity <= 64 * 1024) t_scratch = scratch;
        }
    }

    [ThreadStatic]
    private static SerializeScratch? t_scratch;

    private sealed class SerializeScratch
    {
        public ArrayBufferWriter<byte> Buffer { get; } = new(256);

        public Utf8JsonWriter Writer { get; } = new(System.IO.Stream.Null);
    }

    /// <summary>
    /// Reads a string, returning the listed instance when the value is one of <paramref name="known"/>: an enum's
    /// known values are then read without a new string per call.
    /// </summary>
    public static string ReadKnownString(ref Utf8JsonReader reader, string[] known)
    {
        if (reader.TokenType == JsonTokenType.String && !reader.HasValueSequence)
        {
            // Unescaped UTF-8 is at least as many bytes as chars, so the length check only skips what cannot match.
            var length = reader.ValueSpan.Length;
            foreach (var value in known)
            {
                if (value.Length <= length && reader.ValueTextEquals(value)) return value;
            }
        }
        return ReadString(ref reader);
    }

    /// <summary>Serializes a value with its generated writer, as a string.</summary>
    public static string ToJsonString<T>(T value, JsonWriteFunc<T> write) => Encoding.UTF8.GetString(Serialize(value, write));

    /// <summary>Deserializes a complete JSON payload with a generated reader.</summary>
    /// <exception cref="JsonException">The payload is empty, malformed, truncated, or not of the expected shape.</exception>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json, JsonReadFunc<T> read)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        if (!reader.Read()) throw new JsonException("The JSON payload is empty.");
        T value;
        try
        {
            value = read(ref reader);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or OverflowException or ArgumentException)
        {
            throw new JsonException($"The JSON payload does not match the expected shape: {ex.Message}", ex);
        }
        if (reader.Read()) throw new JsonException($"Unexpected data after the JSON value at byte {reader.TokenStartIndex.ToString(CultureInfo.InvariantCulture)}.");
        return value;
    }

    /// <summary>Deserializes a JSON string with a generated reader.</summary>
    public static T Deserialize<T>(string json, JsonReadFunc<T> read) => Deserialize(Encoding.UTF8.GetBytes(json), read);

}
