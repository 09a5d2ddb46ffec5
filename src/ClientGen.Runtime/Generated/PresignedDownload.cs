using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace ClientGen.Runtime.Generated;

/// <summary>
/// Downloads from a link an API returned (a presigned URL): fetched without the API's credentials, streamed, and
/// when the file host says the link has expired, asked once more for a fresh link.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class PresignedDownload
{
    // A presigned URL is authorised by its signature: it gets its own transport, never the API's handlers or token.
    private static readonly Lazy<HttpClient> s_files = new(() => new HttpClient(ApiPipeline.CreateTransport(), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan });

    /// <summary>Streams the file at the link <paramref name="link"/> returns into <paramref name="destination"/>.</summary>
    /// <param name="operationId">The operation that returns the link, for error messages.</param>
    /// <param name="link">Asks the API for the link (null when it returned none).</param>
    /// <param name="expiredStatuses">Statuses of the file host that mean the link expired; the link is asked for again once.</param>
    /// <param name="destination">Receives the bytes.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="InvalidOperationException">The API returned no link.</exception>
    /// <exception cref="HttpRequestException">The file host refused the download (its status in <see cref="HttpRequestException.StatusCode"/>).</exception>
    public static async Task<long> ToStreamAsync(string operationId, Func<CancellationToken, Task<string?>> link, int[] expiredStatuses, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(destination);
        for (var attempt = 0; ; attempt++)
        {
            var url = await link(cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"{operationId} returned no download link: the work has not finished, or was not started for a download.");
            using var response = await s_files.Value.GetAsync(new Uri(url, UriKind.Absolute), HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                var counting = new CountingCopy(destination);
                await body.CopyToAsync(counting, cancellationToken).ConfigureAwait(false);
                return counting.Written;
            }
            var status = (int)response.StatusCode;
            if (attempt == 0 && expiredStatuses.Contains(status)) continue;
            // The link's query string is its credential (the signature): the message names the host and path only.
            throw new HttpRequestException($"Downloading the file {operationId} links to from {WithoutQuery(url)} failed with HTTP {status}.", null, response.StatusCode);
        }
    }

    /// <summary>
    /// Downloads into <paramref name="path"/> atomically: the bytes go to a temporary file beside it, which replaces
    /// <paramref name="path"/> only when complete, so a failed or cancelled download never leaves a truncated file.
    /// </summary>
    /// <returns>The number of bytes written.</returns>
    public static async Task<long> ToFileAsync(string operationId, Func<CancellationToken, Task<string?>> link, int[] expiredStatuses, string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".partial");
        try
        {
            long written;
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                written = await ToStreamAsync(operationId, link, expiredStatuses, file, cancellationToken).ConfigureAwait(false);
                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            File.Move(temporary, full, overwrite: true);
            return written;
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    private static string WithoutQuery(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Path) : "(the returned link)";

    // Counts what is written, for destinations that cannot report their position.
    private sealed class CountingCopy(Stream inner) : Stream
    {
        public long Written { get; private set; }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Written; set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count)
        {
            inner.Write(buffer, offset, count);
            Written += count;
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
            Written += buffer.Length;
        }
    }
}
