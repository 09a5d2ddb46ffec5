using System;

namespace ClientGen.Runtime.Auth;

/// <summary>How credentials are sent to the token endpoint.</summary>
public enum ClientCredentialStyle
{
    /// <summary><c>client_id</c> and <c>client_secret</c> in the form body (Zuora, most vendors).</summary>
    FormBody,

    /// <summary>An HTTP Basic <c>Authorization</c> header (RFC 6749 §2.3.1).</summary>
    BasicHeader,
}

/// <summary>OAuth 2.0 client-credentials settings. <see cref="ToString"/> never shows the secret.</summary>
public sealed class ClientCredentialsOptions
{
    /// <summary>The token URL. When null, the one the spec's security scheme declares is used.</summary>
    public Uri? TokenEndpoint { get; set; }

    /// <summary>The OAuth client id.</summary>
    public string ClientId { get; set; } = string.Empty;

    /// <summary>The OAuth client secret. Never logged or shown.</summary>
    public string ClientSecret { get; set; } = string.Empty;

    /// <summary>An optional scope.</summary>
    public string? Scope { get; set; }

    /// <summary>An optional audience.</summary>
    public string? Audience { get; set; }

    /// <summary>An optional tenant entity the token is for; part of the cache key. Sent in <see cref="EntityHeader"/>.</summary>
    public string? Entity { get; set; }

    /// <summary>
    /// The header a token request carries <see cref="Entity"/> in. The spec names it on its security scheme
    /// (<c>x-clientgen-entity-header</c>, Zuora's is <c>Zuora-Entity-Ids</c>); set it only for a spec that does not.
    /// </summary>
    public string? EntityHeader { get; set; }

    /// <summary>Where the credentials go.</summary>
    public ClientCredentialStyle Style { get; set; } = ClientCredentialStyle.FormBody;

    /// <summary>
    /// How long before expiry a token is refreshed. Default 60 seconds; for a token that lives less than twice
    /// as long, half its lifetime, so a short-lived token is still reused rather than fetched for every call.
    /// </summary>
    public TimeSpan RefreshSkew { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long one token request may take, its body included. Default 10 seconds. A hung token endpoint then fails
    /// every caller waiting on it with a <see cref="TokenRequestException"/>, and the next call requests a new token.
    /// </summary>
    public TimeSpan TokenRequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The lifetime assumed when the token response has no <c>expires_in</c>.</summary>
    public TimeSpan DefaultLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <inheritdoc />
    public override string ToString() => $"ClientCredentials(ClientId={ClientId}, ClientSecret=***, Scope={Scope}, TokenEndpoint={TokenEndpoint})";
}
