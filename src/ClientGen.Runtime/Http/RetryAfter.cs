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
}
