using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;

namespace ClientGen.Runtime.Auth;

/// <summary>
/// An API key in a header (for example <c>ECI-ApiKey</c>) as a Kiota <see cref="IAuthenticationProvider"/>.
/// Unlike Kiota's own provider it also allows plain HTTP to loopback addresses (local simulators),
/// while still refusing to send the key in clear text anywhere else.
/// </summary>
public sealed class ApiKeyHeaderProvider : IAuthenticationProvider
{
    private readonly string _headerName;
    private readonly string _key;

    /// <summary>Creates the provider.</summary>
    public ApiKeyHeaderProvider(string headerName, string key)
    {
        if (string.IsNullOrWhiteSpace(headerName)) throw new ArgumentException("A header name is required.", nameof(headerName));
        if (string.IsNullOrEmpty(key)) throw new ArgumentException("A key is required.", nameof(key));
        _headerName = headerName;
        _key = key;
    }

    /// <inheritdoc />
    public Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = request.URI;
        if (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback)
        {
            throw new InvalidOperationException($"Refusing to send the {_headerName} API key over plain HTTP to {uri.Host}.");
        }
        request.Headers.Remove(_headerName);
        request.Headers.Add(_headerName, _key);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override string ToString() => $"ApiKeyHeaderProvider({_headerName}: ***)";
}
