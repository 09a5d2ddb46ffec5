using System;

namespace ClientGen.Runtime.Auth;

/// <summary>A bearer token and when it stops being valid. <see cref="ToString"/> never shows the value.</summary>
/// <param name="Value">The token.</param>
/// <param name="ExpiresAt">When the issuer says it expires.</param>
public sealed record AccessToken(string Value, DateTimeOffset ExpiresAt)
{
    /// <summary>When the token was received, if known; with it the refresh skew is scaled to the token's lifetime.</summary>
    public DateTimeOffset? IssuedAt { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"AccessToken(***, expires {ExpiresAt:O})";
}

/// <summary>
/// What a cached token is for. Two different keys never share a token, so a token for one scope,
/// tenant entity or client is never sent on behalf of another.
/// </summary>
/// <param name="TokenEndpoint">The token URL.</param>
/// <param name="ClientId">The client the token was issued to.</param>
/// <param name="Scope">The requested scope, if any.</param>
/// <param name="Audience">The requested audience, if any.</param>
/// <param name="Entity">The tenant entity (for example Zuora-Entity-Ids), if any.</param>
public sealed record TokenCacheKey(Uri TokenEndpoint, string ClientId, string? Scope, string? Audience, string? Entity);
