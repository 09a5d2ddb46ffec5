using System;
using System.Globalization;
using System.Text.Json;
using System.Xml;

namespace ClientGen.Runtime.Generated;

/// <summary>
/// The encodings a schema's <c>format</c> asks for beyond JSON's own: base64url bytes (RFC 4648 §5, unpadded), ISO 8601
/// durations (<c>P1DT2H</c>), RFC 7231 dates (<c>Fri, 26 Aug 2022 14:38:00 GMT</c>) and Unix seconds. Each reads and
/// writes JSON values and formats parameters, so a body, a query and a header spell a value alike.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class WireEncodings
{
    /// <summary>Reads base64url bytes (padded or not; plain base64 decodes too: the alphabets differ in two characters).</summary>
    public static byte[] ReadBase64Url(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String && TryDecodeBase64Url(reader.GetString()!, out var bytes) ? bytes : throw JsonRuntime.Unexpected(ref reader, "a base64url string");

    /// <summary>Writes bytes as an unpadded base64url string.</summary>
    public static void WriteBase64Url(Utf8JsonWriter writer, byte[] value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(FormatBase64Url(value));
    }

    /// <summary>Formats bytes as base64url: <c>-</c> and <c>_</c> for <c>+</c> and <c>/</c>, no padding.</summary>
    public static string FormatBase64Url(byte[] value) => Convert.ToBase64String(value).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Decodes base64url, padded or not.</summary>
    public static bool TryDecodeBase64Url(string text, out byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        var standard = text.Replace('-', '+').Replace('_', '/');
        standard = standard.PadRight(standard.Length + (4 - standard.Length % 4) % 4, '=');
        var buffer = new byte[standard.Length * 3 / 4];
        if (Convert.TryFromBase64String(standard, buffer, out var written))
        {
            bytes = buffer.AsSpan(0, written).ToArray();
            return true;
        }
        bytes = [];
        return false;
    }

    /// <summary>Reads an ISO 8601 duration (<c>P123DT22H14M12.011S</c>).</summary>
    public static TimeSpan ReadDuration(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            try
            {
                return XmlConvert.ToTimeSpan(reader.GetString()!);
            }
            catch (FormatException)
            {
            }
        }
        throw JsonRuntime.Unexpected(ref reader, "an ISO 8601 duration");
    }

    /// <summary>Writes an ISO 8601 duration.</summary>
    public static void WriteDuration(Utf8JsonWriter writer, TimeSpan value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(FormatDuration(value));
    }

    /// <summary>Formats an ISO 8601 duration (<c>P1DT2H</c>).</summary>
    public static string FormatDuration(TimeSpan value) => XmlConvert.ToString(value);

    /// <summary>Reads an RFC 7231 date (<c>Fri, 26 Aug 2022 14:38:00 GMT</c>); an RFC 3339 one is accepted too.</summary>
    public static DateTimeOffset ReadHttpDate(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String && DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : throw JsonRuntime.Unexpected(ref reader, "an RFC 7231 date");

    /// <summary>Writes an RFC 7231 date.</summary>
    public static void WriteHttpDate(Utf8JsonWriter writer, DateTimeOffset value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(FormatHttpDate(value));
    }

    /// <summary>Formats an RFC 7231 date, in GMT as HTTP requires.</summary>
    public static string FormatHttpDate(DateTimeOffset value) => value.ToUniversalTime().ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Reads Unix seconds (an integer; a string of digits too).</summary>
    public static DateTimeOffset ReadUnixTime(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var seconds)) return DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (reader.TokenType == JsonTokenType.String && long.TryParse(reader.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out seconds)) return DateTimeOffset.FromUnixTimeSeconds(seconds);
        throw JsonRuntime.Unexpected(ref reader, "Unix seconds");
    }

    /// <summary>Writes Unix seconds (sub-second precision is dropped, as the format has none).</summary>
    public static void WriteUnixTime(Utf8JsonWriter writer, DateTimeOffset value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value.ToUnixTimeSeconds());
    }

    /// <summary>Formats Unix seconds.</summary>
    public static string FormatUnixTime(DateTimeOffset value) => value.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
