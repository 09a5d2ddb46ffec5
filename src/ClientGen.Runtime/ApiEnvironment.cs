using System;

namespace ClientGen.Runtime;

/// <summary>A named server of an API (a spec's <c>servers</c> entry), such as "Production (EU)".</summary>
/// <param name="Name">The identifier-style name generated from the server's description.</param>
/// <param name="BaseAddress">The server URL; relative URLs are resolved against the HttpClient's base address.</param>
public sealed record ApiEnvironment(string Name, Uri BaseAddress)
{
    /// <summary>The OAuth 2.0 token URL of this environment, when it differs per region (Zscaler's US and EU auth hosts).</summary>
    public Uri? TokenEndpoint { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({BaseAddress})";
}
