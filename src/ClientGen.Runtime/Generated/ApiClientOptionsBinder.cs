using System;
using System.Globalization;
using System.Linq;
using ClientGen.Runtime.Auth;
using Microsoft.Extensions.Configuration;

namespace ClientGen.Runtime.Generated;

/// <summary>
/// Binds client options from configuration by explicit keys (no reflection, so trimming and AOT stay safe):
/// <c>BaseAddress</c>, <c>Environment</c> (a name from the client's Environments), <c>BearerToken</c>, <c>ApiKey</c>,
/// <c>ClientCredentials:{ClientId,ClientSecret,Scope,Audience,Entity,TokenEndpoint,Style}</c>,
/// <c>Retry:{MaxRetries,AttemptTimeout,TotalTimeout}</c>.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class ApiClientOptionsBinder
{
    /// <summary>Applies the keys present in <paramref name="section"/>; absent keys leave the options as they are.</summary>
    /// <exception cref="InvalidOperationException">A value is malformed or names an unknown environment.</exception>
    public static void Bind(IConfiguration section, ApiClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(options);
        if (section["BaseAddress"] is { Length: > 0 } baseAddress) options.BaseAddress = new Uri(baseAddress, UriKind.Absolute);
        if (section["Environment"] is { Length: > 0 } environment)
        {
            options.Environment = options.Metadata.Environments.FirstOrDefault(e => string.Equals(e.Name, environment, StringComparison.OrdinalIgnoreCase))
                ?? throw new InvalidOperationException($"Unknown environment '{environment}'. Known: {string.Join(", ", options.Metadata.Environments.Select(e => e.Name))}.");
        }
        if (section["BearerToken"] is { Length: > 0 } bearer) options.BearerToken = bearer;
        if (section["ApiKey"] is { Length: > 0 } apiKey) options.ApiKey = apiKey;
        if (section["UserAgent"] is { Length: > 0 } userAgent) options.UserAgent = userAgent;

        var credentials = section.GetSection("ClientCredentials");
        if (credentials["ClientId"] is { Length: > 0 } clientId)
        {
            var bound = options.ClientCredentials ?? new ClientCredentialsOptions();
            bound.ClientId = clientId;
            bound.ClientSecret = credentials["ClientSecret"] ?? bound.ClientSecret;
            bound.Scope = credentials["Scope"] ?? bound.Scope;
            bound.Audience = credentials["Audience"] ?? bound.Audience;
            bound.Entity = credentials["Entity"] ?? bound.Entity;
            bound.EntityHeader = credentials["EntityHeader"] ?? bound.EntityHeader;
            if (credentials["TokenEndpoint"] is { Length: > 0 } endpoint) bound.TokenEndpoint = new Uri(endpoint, UriKind.Absolute);
            if (credentials["Style"] is { Length: > 0 } style) bound.Style = Enum.Parse<ClientCredentialStyle>(style, ignoreCase: true);
            options.ClientCredentials = bound;
        }

        var retry = section.GetSection("Retry");
        if (retry["MaxRetries"] is { Length: > 0 } maxRetries) options.Retry.MaxRetries = int.Parse(maxRetries, CultureInfo.InvariantCulture);
        if (retry["AttemptTimeout"] is { Length: > 0 } attempt) options.Retry.AttemptTimeout = TimeSpan.Parse(attempt, CultureInfo.InvariantCulture);
        if (retry["TotalTimeout"] is { Length: > 0 } total) options.Retry.TotalTimeout = TimeSpan.Parse(total, CultureInfo.InvariantCulture);
    }
}
