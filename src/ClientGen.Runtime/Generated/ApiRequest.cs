using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ClientGen.Runtime.Http;

namespace ClientGen.Runtime.Generated;

/// <summary>
/// One call as the generated client describes it: operation, path, query, headers and body. The
/// runtime turns it into an <see cref="HttpRequestMessage"/>; keeping it separate lets the runtime
/// rebuild the message for each attempt with the same idempotency key.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class ApiRequest
{
    // Arrays created on first use, sized for a usual call: most have no query and no cookies (296 B for three empty
    // lists, measured in #18), and one or two headers (Accept, an idempotency key; User-Agent goes on the message).
    private const int FirstQueryCapacity = 2;
    private const int FirstHeaderCapacity = 2;
    private PairList _query;
    private PairList _headers;
    private List<string>? _cookies;
    private byte[]? _bufferedBody;
    private string? _bufferedContentType;

    /// <summary>Starts a request for <paramref name="operation"/> at <paramref name="path"/> (already escaped).</summary>
    public ApiRequest(ApiOperation operation, string path)
    {
        Operation = operation ?? throw new ArgumentNullException(nameof(operation));
        Path = path ?? throw new ArgumentNullException(nameof(path));
    }

    /// <summary>
    /// A request for the page a previous response linked to (a next link): <paramref name="link"/> is used as given,
    /// resolved against the client's address when relative. It must stay on the API's host (checked when it is sent).
    /// </summary>
    public static ApiRequest ForLink(ApiOperation operation, string link) =>
        new(operation, string.Empty) { Link = new Uri(link ?? throw new ArgumentNullException(nameof(link)), UriKind.RelativeOrAbsolute) };

    /// <summary>The linked address this request is for, instead of <see cref="Path"/> and <see cref="Query"/>.</summary>
    public Uri? Link { get; private init; }

    /// <summary>What the spec says about the operation.</summary>
    public ApiOperation Operation { get; }

    /// <summary>The path relative to the server URL, with parameters substituted and escaped.</summary>
    public string Path { get; }

    /// <summary>The query parameters, in order, as sent: names and values percent-encoded, style delimiters literal.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query => _query.AsReadOnly();

    /// <summary>The headers the caller or the spec set, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers => _headers.AsReadOnly();

    /// <summary>A body the caller supplies as-is (media types the generator does not model). Sent once: it cannot be replayed.</summary>
    public HttpContent? Content { get; set; }

    /// <summary>What the caller asked of this one call (headers, timeout, keys); applied by <see cref="ApiClientCore.SendAsync"/>.</summary>
    public ApiCallOptions? CallOptions { get; set; }

    /// <summary>The idempotency key sent with this call, generated once so every retry sends the same bytes.</summary>
    public string? IdempotencyKey { get; private set; }

    /// <summary>Adds a query parameter.</summary>
    public void AddQuery(string name, string value) => _query.Add(StyleSerializer.Encode(name), StyleSerializer.Encode(value), FirstQueryCapacity);

    /// <summary>Adds an array query parameter in the given OpenAPI style (<c>form</c>, <c>spacedelimited</c>, <c>pipedelimited</c>, <c>tabdelimited</c>).</summary>
    public void AddQueryValues(string name, IEnumerable<string> values, string style, bool explode) =>
        _query.AddRange(StyleSerializer.Query(name, style, explode, values.ToList(), null, null), FirstQueryCapacity);

    /// <summary>Adds a map-valued query parameter (deepObject: <c>name[key]=value</c>; exploded form: <c>key=value</c>; form: <c>name=key,value</c>).</summary>
    public void AddQueryMap<T>(string name, IReadOnlyDictionary<string, T> map, string style, bool explode) =>
        _query.AddRange(StyleSerializer.Query(name, style, explode, null, Pairs(map), null), FirstQueryCapacity);

    /// <summary>Adds an object-valued query parameter, given as the JSON the generated writer produces; its top-level properties are the pairs (a union's list or scalar value is sent as one).</summary>
    public void AddQueryObject(string name, string json, string style, bool explode)
    {
        var (list, pairs, single) = StyleSerializer.Shape(json);
        _query.AddRange(StyleSerializer.Query(name, style, explode, list, pairs, single), FirstQueryCapacity);
    }

    /// <summary>Adds a header.</summary>
    public void AddHeader(string name, string value)
    {
        if (Operation.IdempotencyKeyHeader is { } header && string.Equals(header, name, StringComparison.OrdinalIgnoreCase)) IdempotencyKey = value;
        _headers.Add(name, value, FirstHeaderCapacity);
    }

    /// <summary>Whether a header of this name (case-insensitive) was added.</summary>
    internal bool HasHeader(string name) => _headers.Contains(name);

    /// <summary>Sets a header, replacing any of the same name (case-insensitive) added before.</summary>
    internal void SetHeader(string name, string value)
    {
        _headers.RemoveAll(name);
        AddHeader(name, value);
    }

    /// <summary>Adds an array header (simple style: comma separated).</summary>
    public void AddHeaderValues(string name, IEnumerable<string> values, string style, bool explode) => AddHeader(name, StyleSerializer.Header(explode, values.ToList(), null));

    /// <summary>Adds a map header (simple style: <c>key,value,…</c>, exploded <c>key=value,…</c>).</summary>
    public void AddHeaderMap<T>(string name, IReadOnlyDictionary<string, T> map, string style, bool explode) =>
        AddHeader(name, StyleSerializer.Header(explode, null, Pairs(map)));

    /// <summary>Adds an object header, given as the JSON the generated writer produces (simple style); a union's list or scalar value is sent as one.</summary>
    public void AddHeaderObject(string name, string json, string style, bool explode)
    {
        var (list, pairs, single) = StyleSerializer.Shape(json);
        AddHeader(name, single ?? StyleSerializer.Header(explode, list, pairs));
    }

    private static List<KeyValuePair<string, string>> Pairs<T>(IReadOnlyDictionary<string, T> map) =>
        map.Where(e => e.Value is not null).Select(e => new KeyValuePair<string, string>(e.Key, ParameterFormatter.Format<object>(e.Value!))).ToList();

    /// <summary>Adds a cookie.</summary>
    public void AddCookie(string name, string value) => (_cookies ??= new()).Add($"{name}={Uri.EscapeDataString(value)}");

    /// <summary>Adds an array cookie (form style, comma separated).</summary>
    public void AddCookieValues(string name, IEnumerable<string> values, string style, bool explode)
    {
        // Form style: exploded, one cookie per value; otherwise one comma-separated cookie.
        if (explode)
        {
            foreach (var value in values) AddCookie(name, value);
            return;
        }
        (_cookies ??= new()).Add($"{name}={string.Join(",", values.Select(Uri.EscapeDataString))}");
    }

    /// <summary>Sets a JSON body written by generated code. Buffered, so the body can be re-sent on a retry.</summary>
    public void SetJson<T>(T value, JsonWriteFunc<T> write, string contentType = "application/json")
    {
        _bufferedBody = JsonRuntime.Serialize(value, write);
        _bufferedContentType = contentType.Contains('*') ? "application/json" : contentType;
    }

    /// <summary>
    /// Sets an <c>application/x-www-form-urlencoded</c> body from a generated model: each top-level property becomes a
    /// field, encoded as <paramref name="encodings"/> says (the spec's <c>encoding</c>), nested values in brackets.
    /// </summary>
    public void SetForm<T>(T value, JsonWriteFunc<T> write, IReadOnlyList<FormField>? encodings = null)
    {
        using var document = JsonDocument.Parse(JsonRuntime.Serialize(value, write));
        _bufferedBody = Encoding.ASCII.GetBytes(FormEncoder.Encode(document.RootElement, encodings));
        _bufferedContentType = "application/x-www-form-urlencoded";
    }

    /// <summary>Sets a text body.</summary>
    public void SetText(string value, string contentType)
    {
        _bufferedBody = Encoding.UTF8.GetBytes(value);
        _bufferedContentType = contentType;
    }

    /// <summary>Sets a streamed body (not buffered: a retry cannot resend it).</summary>
    public void SetStream(Stream value, string contentType)
    {
        var content = new StreamContent(value);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        Content = content;
    }

    /// <summary>Sets a <c>multipart/form-data</c> body built part by part.</summary>
    public void SetMultipart(MultipartBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        Content = body.ToContent();
    }

    /// <summary>True when the body can be sent again (buffered or absent).</summary>
    public bool IsReplayable => Content is null;

    /// <summary>Builds a fresh message for one attempt, with the operation and timeout on its Options for any handler to read.</summary>
    public HttpRequestMessage CreateMessage(Uri requestUri) => CreateMessage(requestUri, publishOptions: true, userAgent: null);

    /// <summary>
    /// Builds a fresh message for one attempt. The runtime's handlers read the call's facts from the message's fields;
    /// <paramref name="publishOptions"/> also puts them on Options, for handlers the runtime did not write.
    /// <paramref name="userAgent"/> is sent unless a header of this request names its own.
    /// </summary>
    internal HttpRequestMessage CreateMessage(Uri requestUri, bool publishOptions, string? userAgent)
    {
        if (Operation.IdempotencyKeyHeader is { } keyHeader && IdempotencyKey is null)
        {
            // Generated once per logical call; every retry sends it byte-identical.
            IdempotencyKey = Guid.NewGuid().ToString("N");
            _headers.Add(keyHeader, IdempotencyKey, FirstHeaderCapacity);
        }
        var message = new ApiRequestMessage(Methods.Of(Operation.Method), requestUri, this);
        if (_bufferedBody is not null)
        {
            // A caller asking for Content-Encoding: gzip gets a gzipped body, as the header promises the server.
            var gzip = AsksForGzip();
            var content = new ByteArrayContent(gzip ? Gzip(_bufferedBody) : _bufferedBody);
            // Stored unparsed (a parsed MediaTypeHeaderValue per call was measured); a handler reading ContentType parses it then.
            content.Headers.TryAddWithoutValidation("Content-Type", _bufferedContentType!);
            message.Content = content;
        }
        else if (Content is not null)
        {
            message.Content = Content;
        }
        for (var i = 0; i < _headers.Count; i++) AddTo(message, _headers[i]);
        if (userAgent is not null && !_headers.Contains("User-Agent")) message.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        if (_cookies is not null) message.Headers.TryAddWithoutValidation("Cookie", string.Join("; ", _cookies));
        if (publishOptions)
        {
            message.Options.Set(ApiRequestOptions.Operation, Operation);
            if (CallOptions?.Timeout is { } timeout) message.Options.Set(ApiRequestOptions.Timeout, timeout);
        }
        return message;
    }

    private bool AsksForGzip()
    {
        for (var i = 0; i < _headers.Count; i++)
        {
            if (string.Equals(_headers[i].Key, "Content-Encoding", StringComparison.OrdinalIgnoreCase) && _headers[i].Value.Contains("gzip", StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    private static void AddTo(HttpRequestMessage message, KeyValuePair<string, string> header)
    {
        if (message.Headers.TryAddWithoutValidation(header.Key, header.Value)) return;
        if (string.Equals(header.Key, "Content-Type", StringComparison.OrdinalIgnoreCase))
        {
            // An API that wants a Content-Type on every request (EnergyCAP) gets one, with an empty body where there is none;
            // a body's own media type is never overwritten.
            message.Content ??= new ByteArrayContent(Array.Empty<byte>());
            if (!message.Content.Headers.Contains("Content-Type")) message.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            return;
        }
        message.Content?.Headers.TryAddWithoutValidation(header.Key, header.Value);
    }

    private static byte[] Gzip(byte[] body)
    {
        using var output = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest)) gzip.Write(body);
        return output.ToArray();
    }

    /// <summary>The path plus the escaped query string.</summary>
    public string PathAndQuery() => AppendTo(string.Empty);

    /// <summary><paramref name="prefix"/>, the path and the escaped query string, built in pooled memory as one string.</summary>
    internal string AppendTo(string prefix)
    {
        if (_query.Count == 0) return prefix.Length == 0 ? Path : string.Concat(prefix, Path);
        var text = new System.Runtime.CompilerServices.DefaultInterpolatedStringHandler(0, 0);
        text.AppendLiteral(prefix);
        text.AppendLiteral(Path);
        var first = !Path.Contains('?');
        for (var i = 0; i < _query.Count; i++)
        {
            var entry = _query[i];
            text.AppendLiteral(first ? "?" : "&");
            first = false;
            text.AppendLiteral(entry.Key);
            text.AppendLiteral("=");
            text.AppendLiteral(entry.Value);
        }
        return text.ToStringAndClear();
    }
}
