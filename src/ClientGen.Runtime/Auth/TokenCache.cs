using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace ClientGen.Runtime.Auth;

/// <summary>
/// Caches access tokens per <see cref="TokenCacheKey"/> with single-flight refresh: however many callers
/// find no valid token at once, exactly one token request is made and all of them receive its token or
/// its error. Errors are never cached; the next caller tries again.
/// </summary>
public sealed class TokenCache
{
    private readonly ConcurrentDictionary<TokenCacheKey, Entry> _entries = new();

    /// <summary>A process-wide cache, used when a provider is given none.</summary>
    public static TokenCache Shared { get; } = new();

    /// <summary>
    /// Returns the cached token for <paramref name="key"/> when it is valid for longer than <paramref name="refreshSkew"/>
    /// and is not <paramref name="rejectedToken"/>; otherwise joins or starts the one refresh for that key.
    /// </summary>
    /// <param name="key">What the token is for.</param>
    /// <param name="fetch">Requests a new token. Runs detached from any one caller's cancellation, so one caller giving up does not fail the others.</param>
    /// <param name="refreshSkew">How long before expiry a token is refreshed.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="rejectedToken">A token the server refused (401): it is not returned again, but a newer one already fetched is.</param>
    /// <param name="cancellationToken">Stops this caller waiting.</param>
    public async Task<AccessToken> GetAsync(
        TokenCacheKey key,
        Func<CancellationToken, Task<AccessToken>> fetch,
        TimeSpan refreshSkew,
        TimeProvider timeProvider,
        string? rejectedToken,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(fetch);
        var entry = _entries.GetOrAdd(key, static _ => new Entry());
        Task<AccessToken> pending;
        lock (entry.Gate)
        {
            if (entry.Token is { } token && token.ExpiresAt - SkewFor(token, refreshSkew) > timeProvider.GetUtcNow() && token.Value != rejectedToken)
            {
                return token;
            }
            // Task.Run keeps the fetch from completing inside this lock, which would leave a finished task as "pending".
            pending = entry.Pending ??= Task.Run(() => FetchAsync(entry, fetch), CancellationToken.None);
        }
        return await pending.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    // A token living 30 s with a 60 s skew would be refreshed on every call: the skew is at most half the lifetime.
    private static TimeSpan SkewFor(AccessToken token, TimeSpan refreshSkew) =>
        token.IssuedAt is { } issued && (token.ExpiresAt - issued) < refreshSkew + refreshSkew ? TimeSpan.FromTicks((token.ExpiresAt - issued).Ticks / 2) : refreshSkew;

    /// <summary>Forgets every token (for example after credentials are rotated).</summary>
    public void Clear() => _entries.Clear();

    private static async Task<AccessToken> FetchAsync(Entry entry, Func<CancellationToken, Task<AccessToken>> fetch)
    {
        try
        {
            var token = await fetch(CancellationToken.None).ConfigureAwait(false);
            lock (entry.Gate)
            {
                entry.Token = token;
                entry.Pending = null;
            }
            return token;
        }
        catch
        {
            lock (entry.Gate) entry.Pending = null;
            throw;
        }
    }

    private sealed class Entry
    {
        public readonly object Gate = new();
        public AccessToken? Token;
        public Task<AccessToken>? Pending;
    }
}
