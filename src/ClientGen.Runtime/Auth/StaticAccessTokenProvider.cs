using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Kiota.Abstractions.Authentication;

namespace ClientGen.Runtime.Auth;

/// <summary>A fixed bearer token (for example one issued out of band) as a Kiota <see cref="IAccessTokenProvider"/>.</summary>
public sealed class StaticAccessTokenProvider : IAccessTokenProvider
{
    private readonly string _token;

    /// <summary>Creates the provider.</summary>
    public StaticAccessTokenProvider(string token)
    {
        if (string.IsNullOrEmpty(token)) throw new ArgumentException("A token is required.", nameof(token));
        _token = token;
    }

    /// <inheritdoc />
    public AllowedHostsValidator AllowedHostsValidator { get; } = new();

    /// <inheritdoc />
    public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(_token);

    /// <inheritdoc />
    public override string ToString() => "StaticAccessTokenProvider(***)";
}
