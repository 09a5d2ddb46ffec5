using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace ClientGen.Runtime.Generated;

/// <summary>
/// The item streams of paged operations (<c>x-clientgen-pagination</c>): each page is fetched only when the caller
/// has consumed the one before, so breaking out of <c>await foreach</c> stops the requests. Each page is one ordinary
/// call, with the operation's retries, auth and typed errors.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class Pager
{
    /// <summary>
    /// Pages addressed by a number: an offset that grows by the page's item count, or a page number that grows by
    /// one. The stream ends at a page with fewer items than <paramref name="pageSize"/> (or none, when the size is unknown).
    /// </summary>
    /// <param name="start">The first page's offset or number.</param>
    /// <param name="pageSize">The page size the request asks for, or null when the operation has no size parameter.</param>
    /// <param name="byItemCount">True for an offset (advance by the items read), false for a page number (advance by one).</param>
    /// <param name="fetch">Calls the operation for a position.</param>
    /// <param name="items">The page's items; null reads as none.</param>
    /// <param name="cancellationToken">Stops the stream between and during pages.</param>
    public static async IAsyncEnumerable<TItem> ByPositionAsync<TPage, TItem>(
        long start,
        long? pageSize,
        bool byItemCount,
        Func<long, CancellationToken, Task<TPage>> fetch,
        Func<TPage, IReadOnlyList<TItem>?> items,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        ArgumentNullException.ThrowIfNull(items);
        for (var position = start; ;)
        {
            var page = await fetch(position, cancellationToken).ConfigureAwait(false);
            var found = items(page) ?? Array.Empty<TItem>();
            foreach (var item in found) yield return item;
            if (found.Count == 0 || (pageSize is { } size && found.Count < size)) yield break;
            position += byItemCount ? found.Count : 1;
        }
    }

    /// <summary>
    /// Pages found by following each page's next link (<c>x-ms-pageable</c>'s <c>nextLinkName</c>): the first page
    /// with the operation's arguments, every later one at the link. The stream ends at a page without a link, or with
    /// one already followed.
    /// </summary>
    /// <param name="first">Calls the operation for the first page.</param>
    /// <param name="linked">Requests the page at a link.</param>
    /// <param name="items">The page's items; null reads as none.</param>
    /// <param name="next">The page's next link, or null at the end.</param>
    /// <param name="cancellationToken">Stops the stream between and during pages.</param>
    public static async IAsyncEnumerable<TItem> ByLinkAsync<TPage, TItem>(
        Func<CancellationToken, Task<TPage>> first,
        Func<string, CancellationToken, Task<TPage>> linked,
        Func<TPage, IReadOnlyList<TItem>?> items,
        Func<TPage, string?> next,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(linked);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(next);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var page = await first(cancellationToken).ConfigureAwait(false);
        while (true)
        {
            foreach (var item in items(page) ?? Array.Empty<TItem>()) yield return item;
            var link = next(page);
            if (string.IsNullOrEmpty(link) || !seen.Add(link!)) yield break;
            page = await linked(link!, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Pages addressed by a token the previous page returns (a cursor, a next-page token). The stream ends when a page
    /// returns no token, or the token it was fetched with: a server that repeats itself must not keep the caller forever.
    /// </summary>
    /// <param name="start">The first page's token; null for the first page.</param>
    /// <param name="fetch">Calls the operation with a token.</param>
    /// <param name="items">The page's items; null reads as none.</param>
    /// <param name="next">The token of the page after this one, or null at the end.</param>
    /// <param name="cancellationToken">Stops the stream between and during pages.</param>
    public static async IAsyncEnumerable<TItem> ByTokenAsync<TPage, TItem>(
        string? start,
        Func<string?, CancellationToken, Task<TPage>> fetch,
        Func<TPage, IReadOnlyList<TItem>?> items,
        Func<TPage, string?> next,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(next);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var token = start; ;)
        {
            var page = await fetch(token, cancellationToken).ConfigureAwait(false);
            foreach (var item in items(page) ?? Array.Empty<TItem>()) yield return item;
            token = next(page);
            if (string.IsNullOrEmpty(token) || !seen.Add(token!)) yield break;
        }
    }
}
