using System;
using System.Net.Http;

namespace ClientGen.Runtime.Http;

/// <summary>Reads a Retry-After header, given as seconds or as an HTTP date.</summary>
public static class RetryAfter
{
    /// <summary>The delay the server asks for, or null when it names none.</summary>
    public static TimeSpan? Read(HttpResponseMessage response, DateTimeOffset now)
    {
        var header = response.Headers.RetryAfter;
        if (header is null) return null;
        if (header.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (header.Date is { } date) return date > now ? date - now : TimeSpan.Zero;
        return null;
    }

    /// <summary>The delay a Retry-After value (<c>120</c> or <c>Wed, 21 Oct 2026 07:28:00 GMT</c>) asks for, or null when it is neither.</summary>
    public static TimeSpan? Parse(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (long.TryParse(value.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(Math.Min(seconds, (long)TimeSpan.MaxValue.TotalSeconds - 1));
        }
        if (DateTimeOffset.TryParseExact(value.Trim(), "r", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var date))
        {
            return date > now ? date - now : TimeSpan.Zero;
        }
        return null;
    }
}
