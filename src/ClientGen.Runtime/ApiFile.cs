using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace ClientGen.Runtime;

/// <summary>A non-JSON response body (a CSV export, a file download), streamed rather than buffered. Dispose it when done.</summary>
public sealed class ApiFile : IDisposable, IAsyncDisposable
{
    private readonly HttpResponseMessage _message;
    private Stream? _stream;

    internal ApiFile(HttpResponseMessage message) => _message = message;

    /// <summary>The HTTP status code.</summary>
    public int StatusCode => (int)_message.StatusCode;

    /// <summary>The media type the server declared, if any.</summary>
    public string? ContentType => _message.Content.Headers.ContentType?.MediaType;

    /// <summary>The file name from Content-Disposition, if any.</summary>
    public string? FileName => _message.Content.Headers.ContentDisposition?.FileNameStar ?? _message.Content.Headers.ContentDisposition?.FileName?.Trim('"');

    /// <summary>The length the server declared, if any.</summary>
    public long? Length => _message.Content.Headers.ContentLength;

    /// <summary>Opens the body stream.</summary>
    public async Task<Stream> OpenReadAsync(CancellationToken cancellationToken = default) =>
        _stream ??= await _message.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Reads the whole body as text.</summary>
    public Task<string> ReadAsStringAsync(CancellationToken cancellationToken = default) => _message.Content.ReadAsStringAsync(cancellationToken);

    /// <summary>Copies the body to <paramref name="destination"/>.</summary>
    public async Task CopyToAsync(Stream destination, CancellationToken cancellationToken = default)
    {
        var stream = await OpenReadAsync(cancellationToken).ConfigureAwait(false);
        await stream.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stream?.Dispose();
        _message.Dispose();
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
