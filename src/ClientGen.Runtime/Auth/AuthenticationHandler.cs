using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using ClientGen.Runtime.Http;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;

namespace ClientGen.Runtime.Auth;

/// <summary>
/// Authenticates each request with a Kiota provider, skipping operations whose spec declares no
/// security. On a 401 it asks for a fresh token once and replays the request once.
/// </summary>
public sealed class AuthenticationHandler : DelegatingHandler
{
    private readonly IAccessTokenProvider? _tokenProvider;
    private readonly IAuthenticationProvider? _authenticationProvider;

    /// <summary>Sends <c>Authorization: Bearer</c> with tokens from <paramref name="tokenProvider"/>.</summary>
    public AuthenticationHandler(IAccessTokenProvider tokenProvider) => _tokenProvider = tokenProvider ?? throw new ArgumentNullException(nameof(tokenProvider));

    /// <summary>Lets any Kiota <see cref="IAuthenticationProvider"/> (API key, Basic, your own) add its headers.</summary>
    public AuthenticationHandler(IAuthenticationProvider authenticationProvider) => _authenticationProvider = authenticationProvider ?? throw new ArgumentNullException(nameof(authenticationProvider));

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!NeedsAuthentication(request)) return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);

        await HttpRequestCloner.BufferAsync(request, cancellationToken).ConfigureAwait(false);
        var used = await AuthenticateAsync(request, null, cancellationToken).ConfigureAwait(false);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized) return response;

        // One forced refresh, one replay: a token revoked or expired early must not fail the call, but a
        // credential the server keeps refusing must not loop.
        using var replay = await HttpRequestCloner.CloneAsync(request, cancellationToken).ConfigureAwait(false);
        replay.Headers.Authorization = null;
        await AuthenticateAsync(replay, used ?? string.Empty, cancellationToken).ConfigureAwait(false);
        response.Dispose();
        return await base.SendAsync(replay, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Marks a request whose Authorization header this handler wrote, so a retried copy is authenticated afresh.</summary>
    private static readonly HttpRequestOptionsKey<bool> s_authenticatedHere = new("ClientGen.AuthenticatedByHandler");

    private static bool NeedsAuthentication(HttpRequestMessage request)
    {
        // A header the caller supplied is theirs; one we wrote on an earlier attempt may hold a token that has since expired.
        if (request.Headers.Authorization is not null && !WrittenHere(request)) return false;
        return ApiRequestMessage.OperationOf(request) is not { } operation || operation.Security.Count > 0;
    }

    private static bool WrittenHere(HttpRequestMessage request) =>
        request is ApiRequestMessage own ? own.AuthenticatedHere : request.Options.TryGetValue(s_authenticatedHere, out _);

    /// <summary>Adds the credentials; returns the bearer token used, if any.</summary>
    private async Task<string?> AuthenticateAsync(HttpRequestMessage request, string? rejected, CancellationToken cancellationToken)
    {
        if (_tokenProvider is not null)
        {
            var context = rejected is null ? null : new Dictionary<string, object> { [ClientCredentialsTokenProvider.RejectedTokenKey] = rejected, ["claims"] = string.Empty };
            var token = await _tokenProvider.GetAuthorizationTokenAsync(request.RequestUri!, context, cancellationToken).ConfigureAwait(false);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            if (request is ApiRequestMessage own) own.AuthenticatedHere = true;
            else request.Options.Set(s_authenticatedHere, true);
            return token;
        }

        // Bridge a Kiota provider: it writes headers (or the query) onto a RequestInformation, which we copy back.
        var information = new RequestInformation { HttpMethod = Enum.TryParse<Method>(request.Method.Method, true, out var method) ? method : Method.GET, URI = request.RequestUri! };
        var additional = rejected is null ? null : new Dictionary<string, object> { ["claims"] = string.Empty };
        await _authenticationProvider!.AuthenticateRequestAsync(information, additional, cancellationToken).ConfigureAwait(false);
        foreach (var header in information.Headers)
        {
            request.Headers.Remove(header.Key);
            request.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
        }
        if (information.URI != request.RequestUri) request.RequestUri = information.URI;
        return null;
    }
}
