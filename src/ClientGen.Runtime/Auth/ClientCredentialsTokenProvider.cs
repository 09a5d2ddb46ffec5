using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Kiota.Abstractions.Authentication;

namespace ClientGen.Runtime.Auth;

/// <summary>
/// OAuth 2.0 client credentials as a Kiota <see cref="IAccessTokenProvider"/>: tokens are cached per
/// endpoint, client, scope, audience and entity, refreshed ahead of expiry, and fetched once however
/// many requests need one at the same moment.
/// </summary>
public sealed class ClientCredentialsTokenProvider : IAccessTokenProvider
{
    /// <summary>Context key carrying a token the server rejected with 401, so it is replaced rather than returned again.</summary>
    public const string RejectedTokenKey = "ClientGen.RejectedToken";

    private readonly ClientCredentialsOptions _options;
    private readonly HttpClient _tokenClient;
    private readonly TokenCache _cache;
    private readonly TimeProvider _time;
    private readonly TokenCacheKey _key;

    /// <summary>Creates the provider.</summary>
    /// <param name="options">Credentials and token endpoint (required here).</param>
    /// <param name="tokenClient">The HTTP client token requests are sent with (not the API's, to avoid auth recursion).</param>
    /// <param name="cache">Token cache; <see cref="TokenCache.Shared"/> when null.</param>
    /// <param name="timeProvider">Clock; the system clock when null.</param>
    public ClientCredentialsTokenProvider(ClientCredentialsOptions options, HttpClient tokenClient, TokenCache? cache = null, TimeProvider? timeProvider = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _tokenClient = tokenClient ?? throw new ArgumentNullException(nameof(tokenClient));
        if (options.TokenEndpoint is null) throw new ArgumentException("A token endpoint is required.", nameof(options));
        if (string.IsNullOrEmpty(options.ClientId)) throw new ArgumentException("A client id is required.", nameof(options));
        // An entity nobody sends would fetch a token for the wrong tenant without a word.
        if (!string.IsNullOrEmpty(options.Entity) && string.IsNullOrEmpty(options.EntityHeader))
        {
            throw new ArgumentException("Entity is set, but no EntityHeader says which header carries it: the spec declares no x-clientgen-entity-header on its security scheme.", nameof(options));
        }
        _cache = cache ?? TokenCache.Shared;
        _time = timeProvider ?? TimeProvider.System;
        _key = new TokenCacheKey(options.TokenEndpoint, options.ClientId, options.Scope, options.Audience, options.Entity);
    }

    /// <summary>Any host: the handler decides which requests get a token.</summary>
    public AllowedHostsValidator AllowedHostsValidator { get; } = new();

    /// <inheritdoc />
    public async Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        var rejected = additionalAuthenticationContext is not null && additionalAuthenticationContext.TryGetValue(RejectedTokenKey, out var value) ? value as string : null;
        var token = await GetTokenAsync(rejected, cancellationToken).ConfigureAwait(false);
        return token.Value;
    }

    /// <summary>The current token, fetching one if none is valid.</summary>
    public Task<AccessToken> GetTokenAsync(string? rejectedToken = null, CancellationToken cancellationToken = default) =>
        _cache.GetAsync(_key, RequestTokenAsync, _options.RefreshSkew, _time, rejectedToken, cancellationToken);

    private async Task<AccessToken> RequestTokenAsync(CancellationToken cancellationToken)
    {
        var form = new List<KeyValuePair<string, string>> { new("grant_type", "client_credentials") };
        using var request = new HttpRequestMessage(HttpMethod.Post, _options.TokenEndpoint);
        if (_options.Style == ClientCredentialStyle.BasicHeader)
        {
            var raw = Uri.EscapeDataString(_options.ClientId) + ":" + Uri.EscapeDataString(_options.ClientSecret);
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(raw)));
        }
        else
        {
            form.Add(new("client_id", _options.ClientId));
            form.Add(new("client_secret", _options.ClientSecret));
        }
        if (!string.IsNullOrEmpty(_options.Scope)) form.Add(new("scope", _options.Scope));
        if (!string.IsNullOrEmpty(_options.Audience)) form.Add(new("audience", _options.Audience));
        request.Content = new FormUrlEncodedContent(form);
        if (!string.IsNullOrEmpty(_options.Entity)) request.Headers.TryAddWithoutValidation(_options.EntityHeader!, _options.Entity);

        // The refresh is shared by every waiting caller, so no caller's token cancels it; its own timeout ends a hung one.
        using var timer = new CancellationTokenSource(_options.TokenRequestTimeout, _time);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        HttpResponseMessage? response = null;
        try
        {
            response = await _tokenClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            // Parsed raw; only what goes into an exception is redacted.
            var body = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new TokenRequestException($"The token endpoint {_options.TokenEndpoint} refused client '{_options.ClientId}' with HTTP {(int)response.StatusCode}.", (int)response.StatusCode, Redact(body));
            }
            return Parse(body, (int)response.StatusCode);
        }
        catch (HttpRequestException ex)
        {
            throw new TokenRequestException($"The token endpoint {_options.TokenEndpoint} could not be reached: {ex.Message}", null, null, ex);
        }
        catch (OperationCanceledException ex) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TokenRequestException($"The token endpoint {_options.TokenEndpoint} did not answer within {_options.TokenRequestTimeout.TotalSeconds:0.###} s.", null, null, ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The token HttpClient's own Timeout (100 s by default) fired first.
            throw new TokenRequestException($"The token endpoint {_options.TokenEndpoint} did not answer in time.", null, null, ex);
        }
        finally
        {
            response?.Dispose();
        }
    }

    private AccessToken Parse(string body, int status)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("access_token", out var accessToken) || accessToken.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(accessToken.GetString()))
            {
                throw new TokenRequestException($"The token endpoint {_options.TokenEndpoint} answered without an access_token.", status, Redact(body));
            }
            var lifetime = _options.DefaultLifetime;
            if (root.TryGetProperty("expires_in", out var expiresIn) && expiresIn.ValueKind != JsonValueKind.Null)
            {
                lifetime = Lifetime(expiresIn) ?? throw new TokenRequestException(
                    $"The token endpoint {_options.TokenEndpoint} answered with an expires_in that is not a positive number of seconds.", status, Redact(body));
            }
            var now = _time.GetUtcNow();
            return new AccessToken(accessToken.GetString()!, now + lifetime) { IssuedAt = now };
        }
        catch (JsonException ex)
        {
            throw new TokenRequestException($"The token endpoint {_options.TokenEndpoint} answered with a body that is not JSON.", status, Redact(body), ex);
        }
    }

    /// <summary>Longer lifetimes are cut to this: a token is then refreshed yearly, and no date arithmetic can overflow.</summary>
    private static readonly TimeSpan s_longestLifetime = TimeSpan.FromDays(365);

    private static TimeSpan? Lifetime(JsonElement expiresIn)
    {
        double seconds;
        if (expiresIn.ValueKind == JsonValueKind.Number) seconds = expiresIn.GetDouble();
        else if (expiresIn.ValueKind != JsonValueKind.String || !double.TryParse(expiresIn.GetString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out seconds)) return null;
        if (double.IsNaN(seconds) || seconds <= 0) return null;
        return seconds >= s_longestLifetime.TotalSeconds ? s_longestLifetime : TimeSpan.FromSeconds(seconds);
    }

    // The secret as sent: raw, form-encoded, and inside the Basic header's base64.
    private string Redact(string text)
    {
        if (string.IsNullOrEmpty(_options.ClientSecret)) return text;
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.EscapeDataString(_options.ClientId) + ":" + Uri.EscapeDataString(_options.ClientSecret)));
        foreach (var form in new[] { basic, _options.ClientSecret, Uri.EscapeDataString(_options.ClientSecret) })
        {
            text = text.Replace(form, "***", StringComparison.Ordinal);
        }
        return text;
    }

    /// <inheritdoc />
    public override string ToString() => $"ClientCredentialsTokenProvider({_options})";
}
