using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace ClientGen.Runtime.Http;

/// <summary>
/// Copies a request so it can be sent again: an <see cref="HttpRequestMessage"/> can be sent only once.
/// The body is buffered first so the copy carries the same bytes (and the same idempotency key header).
/// </summary>
internal static class HttpRequestCloner
{
    /// <summary>
    /// Buffers the body so it can be read again after the request is sent. A <see cref="ByteArrayContent"/> (JSON, text
    /// and form bodies the runtime built, <see cref="StringContent"/>) already is one: copying it again cost 376 B a POST.
    /// </summary>
    public static Task BufferAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
#if NET9_0_OR_GREATER
        request.Content is null or ByteArrayContent ? Task.CompletedTask : request.Content.LoadIntoBufferAsync(cancellationToken);
#else
        // .NET 8 has no cancellable overload: buffering a streamed body there runs to its end.
        request.Content is null or ByteArrayContent ? Task.CompletedTask : request.Content.LoadIntoBufferAsync();
#endif

    /// <summary>A new message with the same method, URI, version, headers, options and body.</summary>
    public static async Task<HttpRequestMessage> CloneAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var clone = request is ApiRequestMessage own
            ? own.CopyFacts()
            : new HttpRequestMessage(request.Method, request.RequestUri) { Version = request.Version, VersionPolicy = request.VersionPolicy };
        foreach (var header in request.Headers) clone.Headers.TryAddWithoutValidation(header.Key, header.Value);
        foreach (var option in request.Options) ((System.Collections.Generic.IDictionary<string, object?>)clone.Options)[option.Key] = option.Value;
        if (request.Content is not null)
        {
            var bytes = await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var content = new ByteArrayContent(bytes);
            foreach (var header in request.Content.Headers) content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            clone.Content = content;
        }
        return clone;
    }
}
