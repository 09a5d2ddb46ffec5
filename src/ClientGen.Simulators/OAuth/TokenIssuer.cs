using System;
using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace ClientGen.Simulators.OAuth;

/// <summary>
/// An OAuth 2.0 client-credentials token endpoint (RFC 6749 §4.4) and the bearer check of the API behind it.
/// Tokens expire on the simulator's clock; <see cref="ExpireAll"/> expires every token issued so far.
/// </summary>
public sealed class TokenIssuer
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly string _clientId;
    private readonly string _clientSecret;

    /// <param name="clientId">The only client id accepted.</param>
    /// <param name="clientSecret">Its secret.</param>
    /// <param name="lifetime">How long a token is valid.</param>
    /// <param name="time">The clock.</param>
    public TokenIssuer(string clientId, string clientSecret, TimeSpan lifetime, TimeProvider time)
    {
        _clientId = clientId;
        _clientSecret = clientSecret;
        Lifetime = lifetime;
        _time = time;
    }

    /// <summary>How long a token is valid.</summary>
    public TimeSpan Lifetime { get; }

    /// <summary>The number of tokens issued so far.</summary>
    public int Issued => _tokens.Count;

    /// <summary>Expires every token issued so far.</summary>
    public void ExpireAll()
    {
        var past = _time.GetUtcNow().AddSeconds(-1);
        foreach (var token in _tokens.Keys) _tokens[token] = past;
    }

    /// <summary>Answers a token request: form-encoded <c>grant_type=client_credentials</c> with the client in the form or a Basic header.</summary>
    /// <param name="context">The request.</param>
    /// <param name="extraFields">Vendor fields added to the token response (such as Zuora's scope and jti).</param>
    public async Task HandleTokenRequestAsync(HttpContext context, Func<string, (string Name, string Value)[]>? extraFields = null)
    {
        if (!context.Request.HasFormContentType)
        {
            await OAuthErrorAsync(context, 400, "invalid_request", "The token request must be application/x-www-form-urlencoded.").ConfigureAwait(false);
            return;
        }
        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        if (form["grant_type"] != "client_credentials")
        {
            await OAuthErrorAsync(context, 400, "unsupported_grant_type", "Only grant_type=client_credentials is supported.").ConfigureAwait(false);
            return;
        }
        var (id, secret) = ClientOf(context.Request, form["client_id"].ToString(), form["client_secret"].ToString());
        if (!FixedTimeEquals(id, _clientId) || !FixedTimeEquals(secret, _clientSecret))
        {
            await OAuthErrorAsync(context, 401, "invalid_client", "Client authentication failed.").ConfigureAwait(false);
            return;
        }
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        _tokens[token] = _time.GetUtcNow() + Lifetime;
        context.Response.Headers.CacheControl = "no-store";
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(TokenJson(token, extraFields?.Invoke(token) ?? Array.Empty<(string, string)>()), context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>
    /// Checks the request's bearer token. When it is missing or expired, writes the 401 with
    /// <c>WWW-Authenticate: Bearer error="invalid_token"</c> (RFC 6750) and returns false.
    /// </summary>
    public async Task<bool> AuthorizeAsync(HttpContext context, Func<HttpContext, string, Task> writeError)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
        if (token is not null && _tokens.TryGetValue(token, out var expires) && expires > _time.GetUtcNow()) return true;
        context.Response.StatusCode = 401;
        context.Response.Headers.WWWAuthenticate = token is null ? "Bearer" : "Bearer error=\"invalid_token\", error_description=\"The access token expired or is not valid\"";
        await writeError(context, token is null ? "Authentication error: no bearer token." : "Authentication error: the access token expired or is not valid.").ConfigureAwait(false);
        return false;
    }

    private static (string Id, string Secret) ClientOf(HttpRequest request, string formId, string formSecret)
    {
        if (AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var basic) && basic.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase) && basic.Parameter is { } encoded)
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
                var colon = pair.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0) return (Uri.UnescapeDataString(pair[..colon]), Uri.UnescapeDataString(pair[(colon + 1)..]));
            }
            catch (FormatException)
            {
                // Not Base64: fall back to the form, which then fails the check.
            }
        }
        return (formId, formSecret);
    }

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    private string TokenJson(string token, (string Name, string Value)[] extra)
    {
        var json = new StringBuilder();
        json.Append("{\"access_token\":\"").Append(token).Append("\",\"token_type\":\"bearer\",\"expires_in\":")
            .Append((int)Lifetime.TotalSeconds);
        foreach (var (name, value) in extra) json.Append(",\"").Append(name).Append("\":").Append(System.Text.Json.JsonSerializer.Serialize(value));
        return json.Append('}').ToString();
    }

    private static Task OAuthErrorAsync(HttpContext context, int status, string error, string description)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync($$"""{"error":"{{error}}","error_description":"{{description}}"}""", context.RequestAborted);
    }
}
