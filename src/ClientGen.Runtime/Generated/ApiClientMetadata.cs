using System;
using System.Collections.Generic;
using System.Linq;

namespace ClientGen.Runtime.Generated;

/// <summary>
/// What a generated client's spec says, as opposed to what its user sets: the documented environments, the security
/// schemes and the headers the vendor echoes for tracing. Generated options expose one instance through
/// <see cref="ApiClientOptions.Metadata"/>; it is never changed, so a user's options cannot rewrite the spec.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class ApiClientMetadata
{
    // Vendor-neutral names every client reads after the ones its spec declares.
    private static readonly string[] s_trackIdHeaders = { "X-Track-Id", "X-Correlation-Id" };
    private static readonly string[] s_requestIdHeaders = { "X-Request-Id", "Request-Id" };

    /// <summary>Creates the metadata of the client named <paramref name="clientName"/>.</summary>
    public ApiClientMetadata(string clientName, IReadOnlyList<ApiEnvironment> environments, IReadOnlyList<ApiSecurityScheme> securitySchemes)
    {
        ClientName = clientName ?? throw new ArgumentNullException(nameof(clientName));
        Environments = environments ?? throw new ArgumentNullException(nameof(environments));
        SecuritySchemes = securitySchemes ?? throw new ArgumentNullException(nameof(securitySchemes));
    }

    /// <summary>The metadata of options that belong to no generated client (plain <see cref="ApiClientOptions"/>).</summary>
    public static ApiClientMetadata None { get; } = new("ApiClient", Array.Empty<ApiEnvironment>(), Array.Empty<ApiSecurityScheme>());

    /// <summary>The generated client's type name, as the User-Agent names it.</summary>
    public string ClientName { get; }

    /// <summary>The documented environments, in the spec's order.</summary>
    public IReadOnlyList<ApiEnvironment> Environments { get; }

    /// <summary>The spec's security schemes.</summary>
    public IReadOnlyList<ApiSecurityScheme> SecuritySchemes { get; }

    /// <summary>
    /// The request header that names the tenant entity (<c>x-clientgen-entity-header</c> on a security scheme), for
    /// token requests and <c>ApiCallOptions.Entity</c>; null when the spec declares none. The generator leaves the same
    /// header out of every method's parameters.
    /// </summary>
    public string? EntityHeader => SecuritySchemes.FirstOrDefault(s => s.EntityHeader is not null)?.EntityHeader;

    /// <summary>Response headers that carry the vendor's track id (<c>x-clientgen-track-id-header</c>), read before the neutral ones.</summary>
    public IReadOnlyList<string> TrackIdHeaders
    {
        get => _trackIdHeaders;
        init => _trackIdHeaders = Concat(value, s_trackIdHeaders);
    }

    /// <summary>Response headers that carry the server's request id (<c>x-clientgen-request-id-header</c>), read before the neutral ones.</summary>
    public IReadOnlyList<string> RequestIdHeaders
    {
        get => _requestIdHeaders;
        init => _requestIdHeaders = Concat(value, s_requestIdHeaders);
    }

    private readonly IReadOnlyList<string> _trackIdHeaders = s_trackIdHeaders;
    private readonly IReadOnlyList<string> _requestIdHeaders = s_requestIdHeaders;

    private static string[] Concat(IReadOnlyList<string>? declared, string[] neutral)
    {
        var names = new List<string>(declared ?? Array.Empty<string>());
        foreach (var name in neutral)
        {
            if (!names.Exists(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase))) names.Add(name);
        }
        return names.ToArray();
    }
}
