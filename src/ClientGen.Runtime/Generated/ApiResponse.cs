using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace ClientGen.Runtime.Generated;

/// <summary>A response whose body has not been read yet. Generated code reads it as the operation's type, or turns it into an <see cref="ApiException"/>.</summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class ApiResponse : IDisposable
{
    private HttpResponseMessage? _message;
    private IReadOnlyList<string>? _secrets;

    /// <summary>Wraps a response to a call of <paramref name="operation"/>.</summary>
    public ApiResponse(ApiOperation operation, HttpResponseMessage message, string? idempotencyKey = null)
    {
        Operation = operation;
        _message = message;
        StatusCode = (int)message.StatusCode;
        IdempotencyKey = idempotencyKey;
    }

    /// <summary>The call's span, ended when this response is disposed (or its file detached).</summary>
    internal System.Diagnostics.Activity? Activity { get; init; }

    /// <summary>The spec of the client that called, for the exceptions this response creates.</summary>
    internal ApiClientMetadata Metadata { get; init; } = ApiClientMetadata.None;

    /// <summary>The idempotency key the request carried, if the operation declares one.</summary>
    public string? IdempotencyKey { get; }

    /// <summary>The operation that was called.</summary>
    public ApiOperation Operation { get; }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>True for a 2xx status.</summary>
    public bool IsSuccessStatusCode => StatusCode is >= 200 and < 300;

    /// <summary>The underlying message (headers, version, request).</summary>
    public HttpResponseMessage Message => _message ?? throw new ObjectDisposedException(nameof(ApiResponse));

    /// <summary>Reads the body as JSON with a generated reader.</summary>
    /// <exception cref="ApiResponseFormatException">The body is empty, malformed, truncated or of the wrong shape.</exception>
    public async Task<T> ReadJsonAsync<T>(JsonReadFunc<T> read, CancellationToken cancellationToken = default)
    {
        // An error body may be read again, for the exception (GraphQL reads its envelope first): it is buffered.
        if (!IsSuccessStatusCode) return Parse(await ReadBodyAsync(cancellationToken).ConfigureAwait(false), read);
        // A success body is read once, from the stream into pooled memory, and parsed from there: ReadAsByteArrayAsync
        // cost 849 B more a call, and a separate async method for the read another task per call (#18).
        var deadline = Http.CallDeadline.Of(Message);
        using var linked = deadline?.LinkFor(cancellationToken, out cancellationToken);
        var pool = System.Buffers.ArrayPool<byte>.Shared;
        var declared = Message.Content.Headers.ContentLength;
        var buffer = pool.Rent(declared is > 0 and < SnippetBytes ? (int)declared.Value + 1 : 4096);
        try
        {
            var length = 0;
            try
            {
                var stream = await Message.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                int count;
                while ((count = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    length += count;
                    if (length < buffer.Length) continue;
                    var larger = pool.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    pool.Return(buffer);
                    buffer = larger;
                }
            }
            catch (Exception ex) when (Failed(ex, deadline) is { } failure)
            {
                throw failure;
            }
            return Parse(new ReadOnlySpan<byte>(buffer, 0, length), read);
        }
        finally
        {
            pool.Return(buffer);
        }
    }

    private T Parse<T>(ReadOnlySpan<byte> body, JsonReadFunc<T> read)
    {
        try
        {
            return JsonRuntime.Deserialize(body, read);
        }
        catch (JsonException ex)
        {
            Activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, nameof(ApiResponseFormatException));
            throw Stamp(new ApiResponseFormatException(Operation.OperationId, StatusCode, Snippet(body.ToArray()), Headers(), ex));
        }
    }

    /// <summary>Reads the body as text.</summary>
    /// <exception cref="ApiResponseFormatException">The body's content encoding is not what it declares.</exception>
    /// <exception cref="TimeoutException">The body did not arrive within the call's timeouts.</exception>
    public async Task<string> ReadTextAsync(CancellationToken cancellationToken = default)
    {
        // Buffered within the deadline first; HttpContent then decodes the buffer (charset, BOM) as it always did.
        await ReadBodyAsync(cancellationToken).ConfigureAwait(false);
        return await Message.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The whole body, within the deadline the retry handler stamped (a stalled body is a <see cref="TimeoutException"/>),
    /// with a body that does not decode as its <c>Content-Encoding</c> says reported as <see cref="ApiResponseFormatException"/>.
    /// </summary>
    private async Task<byte[]> ReadBodyAsync(CancellationToken cancellationToken)
    {
        var deadline = Http.CallDeadline.Of(Message);
        using var linked = deadline?.LinkFor(cancellationToken, out cancellationToken);
        try
        {
            return await Message.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (Failed(ex, deadline) is { } failure)
        {
            throw failure;
        }
    }

    /// <summary>
    /// What a failed body read becomes: a stalled body a <see cref="TimeoutException"/> naming the timeout that fired,
    /// a body that does not decode as its <c>Content-Encoding</c> says an <see cref="ApiResponseFormatException"/>.
    /// </summary>
    private Exception? Failed(Exception ex, Http.CallDeadline? deadline)
    {
        if (ex is OperationCanceledException && deadline is not null && deadline.HasExpired)
        {
            Activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, nameof(TimeoutException));
            return deadline.Exceeded(Operation.OperationId, ex);
        }
        if (ex is System.IO.InvalidDataException || ex.InnerException is System.IO.InvalidDataException)
        {
            Activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, nameof(ApiResponseFormatException));
            return Stamp(new ApiResponseFormatException(Operation.OperationId, StatusCode, string.Empty, Headers(), ex.InnerException as System.IO.InvalidDataException ?? ex));
        }
        return null;
    }

    /// <summary>Hands the body over as a stream the caller owns; this response no longer disposes it.</summary>
    public ApiFile DetachFile()
    {
        var message = Message;
        _message = null;
        // The caller reads the file at its own pace: the call's deadline no longer applies.
        Http.CallDeadline.Of(message)?.Dispose();
        Activity?.Dispose();
        return new ApiFile(message);
    }

    /// <summary>The exception for an unexpected status, carrying the raw body.</summary>
    public async Task<ApiException> CreateExceptionAsync(CancellationToken cancellationToken = default)
    {
        var body = await ReadBodyForErrorAsync(cancellationToken).ConfigureAwait(false);
        return Stamp(new ApiException(Operation.OperationId, StatusCode, Snippet(body), Headers()));
    }

    /// <summary>The exception for a documented error status, with the body read as the documented type when it parses.</summary>
    public async Task<ApiException> CreateExceptionAsync<TError>(JsonReadFunc<TError> read, CancellationToken cancellationToken = default)
    {
        var body = await ReadBodyForErrorAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Parsed from the redacted text, so the typed error does not carry an echoed credential either.
            var snippet = Snippet(body);
            var error = JsonRuntime.Deserialize(body.Length <= SnippetBytes ? Encoding.UTF8.GetBytes(snippet) : body, read);
            return Stamp(new ApiException<TError>(Operation.OperationId, StatusCode, snippet, Headers(), error));
        }
        catch (JsonException)
        {
            // The error body is not what the spec documents; the raw text is still on the exception.
            return Stamp(new ApiException(Operation.OperationId, StatusCode, Snippet(body), Headers()));
        }
    }

    /// <summary>
    /// The exception for a status the spec declares as the server's idempotency layer refusing the request's key
    /// (<c>x-clientgen-idempotency</c>): an <see cref="IdempotencyException"/> carrying the documented body, typed.
    /// Without a key on the request it is the ordinary typed error.
    /// </summary>
    public async Task<ApiException> CreateIdempotencyExceptionAsync<TError>(JsonReadFunc<TError> read, bool inProgress, CancellationToken cancellationToken = default)
    {
        var error = await CreateExceptionAsync(read, cancellationToken).ConfigureAwait(false);
        return IdempotencyKey is null ? error : new IdempotencyException(error, IdempotencyKey, inProgress);
    }

    /// <summary>The exception for a declared idempotency refusal that documents no body.</summary>
    public async Task<ApiException> CreateIdempotencyExceptionAsync(bool inProgress, CancellationToken cancellationToken = default)
    {
        var error = await CreateExceptionAsync(cancellationToken).ConfigureAwait(false);
        return IdempotencyKey is null ? error : new IdempotencyException(error, IdempotencyKey, inProgress);
    }

    private async Task<byte[]> ReadBodyForErrorAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await ReadBodyAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or ApiResponseFormatException)
        {
            return Array.Empty<byte>(); // A body cut off, stalled or undecodable mid-error still yields an exception with the status.
        }
    }

    private T Stamp<T>(T exception) where T : ApiException
    {
        exception.Metadata = Metadata;
        return exception;
    }

    private const int SnippetBytes = 64 * 1024;

    // What goes into an exception never carries a credential the request sent, however the server echoed it.
    private IReadOnlyDictionary<string, IReadOnlyList<string>> Headers() =>
        Http.CredentialRedactor.Redact(ApiHeaders.Of(Message), Secrets());

    private string Snippet(byte[] body) =>
        Http.CredentialRedactor.Redact(Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, SnippetBytes)), Secrets());

    // Gathered once, on the error path only: a response that succeeds never looks at the request's credentials.
    private IReadOnlyList<string> Secrets() => _secrets ??= Http.CredentialRedactor.SecretsOf(Message.RequestMessage);

    /// <inheritdoc />
    public void Dispose()
    {
        if (_message is not null) Http.CallDeadline.Of(_message)?.Dispose();
        _message?.Dispose();
        _message = null;
        Activity?.Dispose();
    }
}
