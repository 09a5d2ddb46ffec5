using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;

namespace ClientGen.Runtime.Http;

/// <summary>
/// Removes the credentials a request carried from what a server sent back, before it reaches an exception's
/// message, body or headers: servers echo the Authorization header or the API key in error bodies ("invalid token
/// eyJ…"), and exceptions end up in logs. The credentials are read from the request that was actually sent
/// (the last attempt, the replay after a 401), so whatever the auth handler or the user added is covered.
/// </summary>
internal static class CredentialRedactor
{
    public const string Mask = "***";

    // Shorter values ("1", "true") would mask ordinary text; no real credential is this short.
    private const int ShortestSecret = 6;

    private static readonly string[] s_sensitiveNameParts = { "auth", "key", "token", "secret", "password", "cookie", "signature", "session", "credential" };

    /// <summary>The credential values <paramref name="request"/> sent: header values and query values under credential-like names.</summary>
    public static IReadOnlyList<string> SecretsOf(HttpRequestMessage? request)
    {
        var secrets = new List<string>();
        if (request is null) return secrets;
        foreach (var header in request.Headers)
        {
            if (!IsSensitive(header.Key)) continue;
            foreach (var value in header.Value)
            {
                secrets.Add(value);
                // "Bearer eyJ…": the token alone is what a server echoes.
                var space = value.IndexOf(' ');
                if (space > 0) secrets.Add(value.Substring(space + 1).Trim());
            }
        }
        if (request.RequestUri is { IsAbsoluteUri: true, Query.Length: > 1 } uri)
        {
            foreach (var pair in uri.Query.TrimStart('?').Split('&'))
            {
                var equals = pair.IndexOf('=');
                if (equals <= 0 || !IsSensitive(Uri.UnescapeDataString(pair.Substring(0, equals)))) continue;
                var raw = pair.Substring(equals + 1);
                secrets.Add(raw);
                secrets.Add(Uri.UnescapeDataString(raw));
            }
        }
        return secrets.Where(s => s.Length >= ShortestSecret).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length).ToList();
    }

    /// <summary><paramref name="text"/> with every secret replaced by <see cref="Mask"/>; the longest first, so a token inside "Bearer token" goes too.</summary>
    public static string Redact(string text, IReadOnlyList<string> secrets)
    {
        foreach (var secret in secrets)
        {
            if (text.IndexOf(secret, StringComparison.Ordinal) >= 0) text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }
        return text;
    }

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Redact(IReadOnlyDictionary<string, IReadOnlyList<string>> headers, IReadOnlyList<string> secrets) =>
        secrets.Count == 0
            ? headers
            : headers.ToDictionary(h => h.Key, h => (IReadOnlyList<string>)h.Value.Select(v => Redact(v, secrets)).ToList(), StringComparer.OrdinalIgnoreCase);

    private static bool IsSensitive(string name) =>
        s_sensitiveNameParts.Any(part => name.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0);
}
