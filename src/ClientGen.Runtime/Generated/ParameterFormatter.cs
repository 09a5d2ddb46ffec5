using System.Linq;
using System.Collections.Generic;
using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ClientGen.Runtime.Generated;

/// <summary>Formats parameter values for paths, queries and headers the way OpenAPI servers parse them (invariant culture, ISO dates).</summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class ParameterFormatter
{
    /// <summary>Formats a string (as is).</summary>
    public static string Format(string value) => value;

    /// <summary>Formats an integer.</summary>
    public static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Formats an integer.</summary>
    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Formats a number with round-trip precision.</summary>
    public static string Format(float value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Formats a number with round-trip precision.</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Formats a decimal number.</summary>
    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Formats a boolean as <c>true</c> or <c>false</c>.</summary>
    public static string Format(bool value) => value ? "true" : "false";

    /// <summary>Formats an RFC 3339 date-time.</summary>
    public static string Format(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    /// <summary>Formats a full-date.</summary>
    public static string Format(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Formats a UUID.</summary>
    public static string Format(Guid value) => value.ToString("D");

    /// <summary>Formats a URI as written.</summary>
    public static string Format(Uri value) => value.OriginalString;

    /// <summary>Formats bytes as base64.</summary>
    public static string Format(byte[] value) => Convert.ToBase64String(value);

    /// <summary>Formats any other value (generated open enums format as their raw value).</summary>
    public static string Format<T>(T value) where T : notnull => value switch
    {
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>Escapes a path parameter so it stays one path segment.</summary>
    public static string EscapePath(string value) => Uri.EscapeDataString(value);

    /// <summary>A path parameter in its OpenAPI style (<c>simple</c>, <c>label</c> <c>.x</c>, <c>matrix</c> <c>;name=x</c>), escaped.</summary>
    public static string FormatPath(string name, string value, string style, bool explode) =>
        Http.StyleSerializer.Path(name, style, explode, null, null, value);

    /// <summary>An array path parameter in its OpenAPI style, each item escaped and the delimiters literal.</summary>
    public static string FormatPath(string name, IEnumerable<string> values, string style, bool explode) =>
        Http.StyleSerializer.Path(name, style, explode, values.ToList(), null, null);

    /// <summary>An object path parameter, given as the JSON the generated writer produces, in its OpenAPI style (a union's list or scalar value as one).</summary>
    public static string FormatPathObject(string name, string json, string style, bool explode)
    {
        var (list, pairs, single) = Http.StyleSerializer.Shape(json);
        return Http.StyleSerializer.Path(name, style, explode, list, pairs, single);
    }

    /// <summary>A map path parameter in its OpenAPI style.</summary>
    public static string FormatPathMap<T>(string name, IReadOnlyDictionary<string, T> map, string style, bool explode) =>
        Http.StyleSerializer.Path(name, style, explode, null, map.Where(e => e.Value is not null).Select(e => new KeyValuePair<string, string>(e.Key, Format<object>(e.Value!))).ToList(), null);

    /// <summary>
    /// Checks a string parameter against the spec's length and pattern rules before anything is sent.
    /// The message names the parameter and the rule, never the value (it may be sensitive).
    /// </summary>
    /// <exception cref="ArgumentException">The value breaks a rule.</exception>
    public static void Validate(string name, string? value, int? minLength, int? maxLength, string? pattern)
    {
        if (value is null) return;
        if (minLength is { } min && value.Length < min) throw new ArgumentException($"'{name}' must be at least {min} characters long.", name);
        if (maxLength is { } max && value.Length > max) throw new ArgumentException($"'{name}' must be at most {max} characters long (it has {value.Length}).", name);
        if (pattern is not null && !Regex.IsMatch(value, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
        {
            throw new ArgumentException($"'{name}' does not match the pattern {pattern} the API requires.", name);
        }
    }
}
