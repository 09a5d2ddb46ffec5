using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using ClientGen.Runtime.Auth;
using ClientGen.Runtime.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Kiota.Abstractions.Authentication;

namespace ClientGen.Runtime;

/// <summary>
/// Builds the HTTP pipeline a generated client uses when it is not given an HttpClient:
/// retries (outermost) → authentication (with 401 replay) → transparent gzip/deflate/brotli decompression.
/// </summary>
public static class ApiPipeline
{
    // HttpClients whose handlers already apply the options' credentials: built here, or by the DI registration.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<HttpClient, object> s_authenticating = new();
    private static readonly object s_marker = new();
    // HttpClients whose every handler is the runtime's own (CreateHttpClient): no foreign handler reads Options there.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<HttpClient, object> s_builtHere = new();

    /// <summary>An HttpClient with the full pipeline for <paramref name="options"/>. Create it once and reuse it.</summary>
    public static HttpClient CreateHttpClient(ApiClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var client = MarkAuthenticating(new HttpClient(CreateHandler(options), disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan });
        s_builtHere.AddOrUpdate(client, s_marker);
        return client;
    }

    internal static bool IsBuiltHere(HttpClient client) => s_builtHere.TryGetValue(client, out _);

    internal static HttpClient MarkAuthenticating(HttpClient client)
    {
        s_authenticating.AddOrUpdate(client, s_marker);
        return client;
    }

    /// <summary>
    /// What applies the credentials <paramref name="options"/> configure in front of <paramref name="httpClient"/>, or null
    /// when its own handlers already do (the runtime built it) or there are none. A caller's own HttpClient has none of
    /// the runtime's handlers, and credentials set in the options must never be dropped silently: requests then pass an
    /// authentication handler (with 401 replay) and are handed to <paramref name="httpClient"/> once each.
    /// </summary>
    internal static HttpMessageInvoker? AuthenticatingInvoker(HttpClient httpClient, ApiClientOptions options)
    {
        if (s_authenticating.TryGetValue(httpClient, out _)) return null;
        // Token requests go through the caller's client too: its proxy and certificates are the ones they chose.
        if (CreateAuthenticationHandler(options, httpClient) is not { } auth) return null;
        auth.InnerHandler = new ForwardingHandler(httpClient);
        // An invoker, not an HttpClient: an HttpClient marks the message as sent, and the caller's client must send it.
        return new HttpMessageInvoker(auth, disposeHandler: true);
    }

    private sealed class ForwardingHandler : HttpMessageHandler
    {
        private readonly HttpClient _target;

        public ForwardingHandler(HttpClient target) => _target = target;

        // Headers-first, as the runtime reads every response.
        protected override System.Threading.Tasks.Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, System.Threading.CancellationToken cancellationToken) =>
            _target.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    /// <summary>The handler chain, for use with your own HttpClient or IHttpClientFactory.</summary>
    public static HttpMessageHandler CreateHandler(ApiClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        HttpMessageHandler handler = CreateTransport();
        if (CreateAuthenticationHandler(options) is { } auth)
        {
            auth.InnerHandler = handler;
            handler = auth;
        }
        var retry = CreateRetryHandler(options);
        retry.InnerHandler = handler;
        return retry;
    }

    /// <summary>The retry handler for <paramref name="options"/>, on the options' clock and logger.</summary>
    public static RetryHandler CreateRetryHandler(ApiClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // One clock for tokens, retries and waits; on a copy, so the caller's options are never changed by building a pipeline.
        return new RetryHandler(options.Retry.WithClock(options.TimeProvider), options.LoggerFactory?.CreateLogger<RetryHandler>());
    }

    /// <summary>The transport: pooled connections that follow DNS changes, and transparent decompression (Accept-Encoding: gzip).</summary>
    public static SocketsHttpHandler CreateTransport() => new()
    {
        AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate | DecompressionMethods.Brotli,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };

    /// <summary>
    /// The client-credentials token provider the options call for (token URL resolved from the spec when not set),
    /// or null when they configure no client credentials. It shares <see cref="ApiClientOptions.TokenCache"/>, so a
    /// token fetched through it ahead of time is the one the client then uses.
    /// </summary>
    /// <param name="options">The client options.</param>
    /// <param name="tokenClient">The HTTP client for token requests; a new one when null.</param>
    public static ClientCredentialsTokenProvider? CreateTokenProvider(ApiClientOptions options, HttpClient? tokenClient = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.ClientCredentials is not { } credentials) return null;
        var effective = new ClientCredentialsOptions
        {
            TokenEndpoint = credentials.TokenEndpoint ?? TokenEndpointFor(options),
            EntityHeader = credentials.EntityHeader ?? options.Metadata.EntityHeader,
            ClientId = credentials.ClientId,
            ClientSecret = credentials.ClientSecret,
            Scope = credentials.Scope,
            Audience = credentials.Audience,
            Entity = credentials.Entity,
            Style = credentials.Style,
            RefreshSkew = credentials.RefreshSkew,
            DefaultLifetime = credentials.DefaultLifetime,
            TokenRequestTimeout = credentials.TokenRequestTimeout,
        };
        tokenClient ??= new HttpClient(CreateTransport(), disposeHandler: true);
        return new ClientCredentialsTokenProvider(effective, tokenClient, options.TokenCache, options.TimeProvider);
    }

    /// <summary>The authentication handler the options call for, or null when they configure none.</summary>
    /// <param name="options">The client options.</param>
    /// <param name="tokenClient">The HTTP client for token requests; a new one when null.</param>
    public static AuthenticationHandler? CreateAuthenticationHandler(ApiClientOptions options, HttpClient? tokenClient = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.AuthenticationProvider is { } authentication) return new AuthenticationHandler(authentication);
        if (options.AccessTokenProvider is { } tokens) return new AuthenticationHandler(tokens);
        if (CreateTokenProvider(options, tokenClient) is { } clientCredentials) return new AuthenticationHandler(clientCredentials);
        if (options.BearerToken is { } bearer) return new AuthenticationHandler(new StaticAccessTokenProvider(bearer));
        if (options.ApiKey is { } key)
        {
            var scheme = options.Metadata.SecuritySchemes.FirstOrDefault(s => s.Kind == ApiSecuritySchemeKind.ApiKeyHeader)
                ?? throw new InvalidOperationException("ApiKey is set, but the spec declares no apiKey security scheme in a header.");
            return new AuthenticationHandler(new ApiKeyHeaderProvider(scheme.ParameterName!, key));
        }
        return null;
    }

    /// <summary>
    /// The spec's token URL; when it lives on the API's own host it is moved to the host actually
    /// called, so sandbox environments and local simulators issue their own tokens.
    /// </summary>
    public static Uri TokenEndpointFor(ApiClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // A named environment with its own token host (a region) wins unless a custom base address is in use; a base
        // address on a known environment's host (the EU API URL typed in by hand) is that environment, tokens included.
        if (options.BaseAddress is null && options.Environment?.TokenEndpoint is { } regional) return regional;
        if (options.BaseAddress is { IsAbsoluteUri: true } custom
            && options.Metadata.Environments.FirstOrDefault(e => e.TokenEndpoint is not null && e.BaseAddress.IsAbsoluteUri && string.Equals(e.BaseAddress.Host, custom.Host, StringComparison.OrdinalIgnoreCase)) is { } known)
        {
            return known.TokenEndpoint!;
        }
        var scheme = options.Metadata.SecuritySchemes.FirstOrDefault(s => s.Kind == ApiSecuritySchemeKind.OAuth2ClientCredentials && s.TokenUrl is not null)
            ?? throw new InvalidOperationException("ClientCredentials is set without a TokenEndpoint, and the spec declares no OAuth 2.0 client-credentials token URL.");
        var tokenUrl = scheme.TokenUrl!;
        if (!scheme.TokenUrlFollowsApiHost || !tokenUrl.IsAbsoluteUri || options.EffectiveBaseAddress is not { IsAbsoluteUri: true } api) return tokenUrl;
        return new Uri(api.GetLeftPart(UriPartial.Authority) + tokenUrl.PathAndQuery);
    }
}
