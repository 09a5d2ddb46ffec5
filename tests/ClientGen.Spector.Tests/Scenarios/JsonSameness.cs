using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Xml;

namespace ClientGen.Spector.Tests.Scenarios;

/// <summary>
/// Whether what the client read (written back as JSON) is what the mock sent. Structure and JSON kinds must match
/// exactly; a string may differ in spelling only where Spector itself accepts either (an instant in another offset or
/// precision, an ISO 8601 duration, base64 against base64url) — the value must be the same.
/// </summary>
public static class JsonSameness
{
    public static IReadOnlyList<string> Differences(JsonElement expected, JsonElement actual)
    {
        var differences = new List<string>();
        Compare(expected, actual, "$", differences);
        return differences;
    }

    private static void Compare(JsonElement expected, JsonElement actual, string path, List<string> differences)
    {
        if (expected.ValueKind != actual.ValueKind && !(IsBoolean(expected) && IsBoolean(actual)))
        {
            differences.Add($"{path}: expected {expected.GetRawText()}, read {actual.GetRawText()}");
            return;
        }
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var read = actual.EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
                foreach (var property in expected.EnumerateObject())
                {
                    if (read.Remove(property.Name, out var value)) Compare(property.Value, value, $"{path}.{property.Name}", differences);
                    else differences.Add($"{path}.{property.Name}: expected {property.Value.GetRawText()}, not read");
                }
                foreach (var extra in read) differences.Add($"{path}.{extra.Key}: not sent, read {extra.Value.GetRawText()}");
                break;
            case JsonValueKind.Array:
                var expectedItems = expected.EnumerateArray().ToArray();
                var actualItems = actual.EnumerateArray().ToArray();
                if (expectedItems.Length != actualItems.Length) differences.Add($"{path}: expected {expectedItems.Length} items, read {actualItems.Length}");
                for (var i = 0; i < Math.Min(expectedItems.Length, actualItems.Length); i++) Compare(expectedItems[i], actualItems[i], $"{path}[{i}]", differences);
                break;
            case JsonValueKind.Number:
                if (expected.GetDecimal() != actual.GetDecimal()) differences.Add($"{path}: expected {expected.GetRawText()}, read {actual.GetRawText()}");
                break;
            case JsonValueKind.String:
                if (!SameString(expected.GetString()!, actual.GetString()!)) differences.Add($"{path}: expected {expected.GetRawText()}, read {actual.GetRawText()}");
                break;
        }
    }

    private static bool IsBoolean(JsonElement element) => element.ValueKind is JsonValueKind.True or JsonValueKind.False;

    public static bool SameString(string expected, string actual)
    {
        if (expected == actual) return true;
        if (LooksLikeInstant(expected) && DateTimeOffset.TryParse(expected, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var left)
            && DateTimeOffset.TryParse(actual, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var right))
        {
            return left == right;
        }
        if (expected.StartsWith('P') && TryDuration(expected, out var expectedDuration))
        {
            return (TryDuration(actual, out var actualDuration) || TimeSpan.TryParse(actual, CultureInfo.InvariantCulture, out actualDuration)) && expectedDuration == actualDuration;
        }
        return TryBytes(expected, out var expectedBytes) && TryBytes(actual, out var actualBytes) && expectedBytes.AsSpan().SequenceEqual(actualBytes);
    }

    private static bool LooksLikeInstant(string text) => text.Length >= 10 && (char.IsDigit(text[0]) ? text[4] == '-' : text.Contains("GMT", StringComparison.Ordinal));

    private static bool TryDuration(string text, out TimeSpan duration)
    {
        try
        {
            duration = XmlConvert.ToTimeSpan(text);
            return true;
        }
        catch (FormatException)
        {
            duration = default;
            return false;
        }
    }

    private static bool TryBytes(string text, out byte[] bytes) => ClientGen.Runtime.Generated.WireEncodings.TryDecodeBase64Url(text, out bytes);
}
