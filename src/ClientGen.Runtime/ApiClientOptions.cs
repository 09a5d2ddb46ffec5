using System;
using System.Collections.Generic;
using ClientGen.Runtime.Auth;
using ClientGen.Runtime.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Kiota.Abstractions.Authentication;

namespace ClientGen.Runtime;

/// <summary>Where a generated client sends its requests. Generated clients derive their own options from this.</summary>
public class ApiClientOptions
{
    /// <summary>One of the environments the spec documents. Used unless <see cref="BaseAddress"/> is set.</summary>
    public ApiEnvironment? Environment { get; set; }

    /// <summary>Any base address (a simulator, a proxy, a tenant-specific host). Takes precedence over <see cref="Environment"/>.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>OAuth 2.0 client credentials; the token URL defaults to the spec's (see <see cref="ApiSecurityScheme.TokenUrlFollowsApiHost"/>).</summary>
    public ClientCredentialsOptions? ClientCredentials { get; set; }

    /// <summary>A fixed bearer token.</summary>
    public string? BearerToken { get; set; }

    /// <summary>An API key, sent in the header the spec's apiKey scheme names.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Any Kiota token provider of your own; takes precedence over the settings above.</summary>
    public IAccessTokenProvider? AccessTokenProvider { get; set; }

    /// <summary>Any Kiota authentication provider of your own; takes precedence over everything else.</summary>
    public IAuthenticationProvider? AuthenticationProvider { get; set; }

    /// <summary>Headers sent on every request unless the call sets them (for example Zscaler's <c>accountId</c>).</summary>
    public IDictionary<string, string> DefaultHeaders { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The <c>User-Agent</c> every call sends. Default <c>ClientGen/&lt;version&gt; (&lt;ClientName&gt;)</c>; a User-Agent header set on the call wins.</summary>
    public string? UserAgent { get; set; }

    /// <summary>Retries and timeouts.</summary>
    public RetryOptions Retry { get; set; } = new();

    /// <summary>The token cache; <see cref="TokenCache.Shared"/> when null.</summary>
    public TokenCache? TokenCache { get; set; }

    /// <summary>The clock for token expiry, delays and timeouts (inject a fake one in tests).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Where the runtime logs (never secrets).</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>
    /// What the spec says about the client these options belong to (environments, security schemes, echoed headers).
    /// Generated options override it; it is not a setting, so binding or copying options never changes it.
    /// </summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    protected internal virtual ApiClientMetadata Metadata => ApiClientMetadata.None;

    /// <summary>The address requests are resolved against, or null to rely on the HttpClient's own base address.</summary>
    public Uri? EffectiveBaseAddress => BaseAddress ?? Environment?.BaseAddress;
}
