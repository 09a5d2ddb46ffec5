using System;

namespace ClientGen.Runtime.Generated;

/// <summary>How a spec's security scheme authenticates.</summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public enum ApiSecuritySchemeKind
{
    /// <summary>Something the runtime does not configure by itself; supply a provider.</summary>
    Other,

    /// <summary>OAuth 2.0 client credentials (a token URL).</summary>
    OAuth2ClientCredentials,

    /// <summary>An HTTP bearer token.</summary>
    HttpBearer,

    /// <summary>An API key in a header.</summary>
    ApiKeyHeader,
}

/// <summary>A security scheme the spec declares, emitted by the generator into the client's options.</summary>
/// <param name="Name">The scheme's key in <c>components.securitySchemes</c>.</param>
/// <param name="Kind">How it authenticates.</param>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed record ApiSecurityScheme(string Name, ApiSecuritySchemeKind Kind)
{
    /// <summary>The token URL of an OAuth 2.0 scheme.</summary>
    public Uri? TokenUrl { get; init; }

    /// <summary>
    /// True when the token URL is on the API's own host (Zuora): it then follows the chosen environment or
    /// base address, so a sandbox or simulator gets its tokens from itself.
    /// </summary>
    public bool TokenUrlFollowsApiHost { get; init; }

    /// <summary>The header an OAuth 2.0 token request carries the tenant entity in (<c>x-clientgen-entity-header</c>).</summary>
    public string? EntityHeader { get; init; }

    /// <summary>The header name of an API-key scheme.</summary>
    public string? ParameterName { get; init; }
}
