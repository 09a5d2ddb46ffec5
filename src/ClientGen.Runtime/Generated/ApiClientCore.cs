using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClientGen.Runtime.Generated;

/// <summary>
/// The seam between generated clients and the runtime: generated code builds an <see cref="ApiRequest"/>
/// and calls <see cref="SendAsync"/>. Auth, retries and logging live in the HttpClient's handlers and
/// here, so they can grow without any client being regenerated.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public class ApiClientCore
{
    private readonly HttpClient _httpClient;
    private readonly HttpMessageInvoker? _authenticating;
    private readonly string _userAgent;
    private readonly ILogger _logger;

    // The category users raise to Debug (README); it stays the same though the type moved to the Generated namespace.
    internal const string LogCategory = "ClientGen.Runtime.ApiClientCore";

    /// <summary>
    /// Creates a core sending through <paramref name="httpClient"/> to the address <paramref name="options"/> names.
    /// The credentials the options configure are applied whichever HttpClient is given: one the runtime did not build
    /// (a plain <c>new HttpClient()</c>) gets them from a thin authenticating client in front of it.
    /// </summary>
    /// <exception cref="InvalidOperationException">The options configure credentials the spec gives no way to send (an API key without an apiKey scheme).</exception>
    public ApiClientCore(HttpClient httpClient, ApiClientOptions options)
    {
        _httpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        Options = options ?? throw new ArgumentNullException(nameof(options));
        _authenticating = ApiPipeline.AuthenticatingInvoker(httpClient, options);
        _logger = (ILogger?)options.LoggerFactory?.CreateLogger(LogCategory) ?? NullLogger.Instance;
        _userAgent = options.UserAgent ?? DefaultUserAgent(options);
    }

    // "ClientGen/0.1.0 (ZuoraReportingClient)": the runtime's version and the client the options belong to.
    private static string DefaultUserAgent(ApiClientOptions options)
    {
        var version = typeof(ApiClientCore).Assembly.GetName().Version;
        return $"ClientGen/{version?.ToString(3) ?? "0.0.0"} ({options.Metadata.ClientName})";
    }

    /// <summary>Where requests go.</summary>
    public ApiClientOptions Options { get; }

    /// <summary>The HTTP client requests are sent with.</summary>
    public HttpClient HttpClient => _httpClient;

    /// <summary>Sends one call and returns the response with its body unread. The caller disposes it.</summary>
    /// <exception cref="HttpRequestException">The request could not be sent (network failure).</exception>
    public virtual async Task<ApiResponse> SendAsync(ApiRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.CallOptions is { } callOptions) Apply(request, callOptions);
        foreach (var header in Options.DefaultHeaders)
        {
            if (!request.Headers.Any(h => string.Equals(h.Key, header.Key, StringComparison.OrdinalIgnoreCase))) request.AddHeader(header.Key, header.Value);
        }
        if (!request.Headers.Any(h => string.Equals(h.Key, "User-Agent", StringComparison.OrdinalIgnoreCase))) request.AddHeader("User-Agent", _userAgent);
        // Ended by the response when its body has been read, so a body that fails to parse still marks the span as failed.
        var activity = ApiDiagnostics.Source.StartActivity(request.Operation.OperationId, ActivityKind.Client);
        var uri = ResolveUri(request);
        activity?.SetTag("http.request.method", request.Operation.Method);
        activity?.SetTag("url.template", request.Operation.PathTemplate);
        activity?.SetTag("server.address", uri.IsAbsoluteUri ? uri.Host : null);
        activity?.SetTag("server.port", uri.IsAbsoluteUri ? uri.Port : null);
        using var message = request.CreateMessage(uri);
        var started = Options.TimeProvider.GetTimestamp();
        try
        {
            var response = _authenticating is null
                ? await _httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false)
                : await _authenticating.SendAsync(message, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            ApiCall.Record(request.Operation.OperationId, response, Options.Metadata);
            activity?.SetTag("http.response.status_code", status);
            if (status >= 400) activity?.SetStatus(ActivityStatusCode.Error);
            // Only the operation, status and timing are logged: never headers, bodies or query strings (they may carry secrets).
            _logger.LogDebug("{Operation} {Method} {Template} answered {Status} in {Elapsed} ms",
                request.Operation.OperationId, request.Operation.Method, request.Operation.PathTemplate, status, (long)Options.TimeProvider.GetElapsedTime(started).TotalMilliseconds);
            return new ApiResponse(request.Operation, response, request.IdempotencyKey) { Activity = activity, Metadata = Options.Metadata };
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            activity?.Dispose();
            _logger.LogWarning("{Operation} {Method} {Template} failed: {Error}", request.Operation.OperationId, request.Operation.Method, request.Operation.PathTemplate, ex.Message);
            throw;
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            activity?.Dispose();
            throw;
        }
    }

    // Applied before the client's default headers, which only fill what is still missing.
    private void Apply(ApiRequest request, ApiCallOptions callOptions)
    {
        if (callOptions.IdempotencyKey is { } key && request.Operation.IdempotencyKeyHeader is { } keyHeader) request.SetHeader(keyHeader, key);
        if (callOptions.TrackId is { } trackId) request.SetHeader(Options.Metadata.TrackIdHeaders[0], trackId);
        if (callOptions.Entity is { } entity)
        {
            var entityHeader = Options.Metadata.EntityHeader
                ?? throw new ArgumentException($"ApiCallOptions.Entity is set, but {Options.Metadata.ClientName}'s spec declares no header for it (x-clientgen-entity-header on a security scheme).", nameof(callOptions));
            request.SetHeader(entityHeader, entity);
        }
        foreach (var header in callOptions.Headers) request.SetHeader(header.Key, header.Value);
    }

    /// <summary>
    /// The absolute (or HttpClient-relative) URI for a call. A server declared on the operation is used
    /// when it matches the chosen environment by name; otherwise its path is applied to the client's
    /// own host, so a simulator or proxy base address serves operations on other hosts too.
    /// </summary>
    public Uri ResolveUri(ApiRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var baseAddress = Options.EffectiveBaseAddress ?? _httpClient.BaseAddress
            ?? throw new InvalidOperationException($"No base address for '{request.Operation.OperationId}': set {nameof(ApiClientOptions.Environment)} or {nameof(ApiClientOptions.BaseAddress)} in the client options, or HttpClient.BaseAddress.");
        if (!baseAddress.IsAbsoluteUri && _httpClient.BaseAddress is { } clientBase) baseAddress = new Uri(clientBase, baseAddress);

        var servers = request.Operation.Servers;
        if (servers.Count > 0)
        {
            var match = Options.BaseAddress is null ? servers.FirstOrDefault(s => s.Name == Options.Environment?.Name) : null;
            var server = (match ?? servers[0]).BaseAddress;
            if (match is not null && server.IsAbsoluteUri) baseAddress = server;
            else if (baseAddress.IsAbsoluteUri) baseAddress = new Uri(baseAddress.GetLeftPart(UriPartial.Authority) + (server.IsAbsoluteUri ? server.AbsolutePath : server.OriginalString));
        }

        if (request.Link is { } link) return Linked(request, baseAddress, link);
        var text = baseAddress.OriginalString.TrimEnd('/') + request.PathAndQuery();
        return new Uri(text, UriKind.RelativeOrAbsolute);
    }

    // A next link carries the API's credentials when it is followed, so it may not lead to another host.
    private static Uri Linked(ApiRequest request, Uri baseAddress, Uri link)
    {
        if (!link.IsAbsoluteUri) return baseAddress.IsAbsoluteUri ? new Uri(new Uri(baseAddress.OriginalString.TrimEnd('/') + "/"), link) : link;
        if (baseAddress.IsAbsoluteUri && Uri.Compare(link, baseAddress, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            throw new InvalidOperationException($"'{request.Operation.OperationId}' returned a next link to {link.GetLeftPart(UriPartial.Authority)}, not the API's host {baseAddress.GetLeftPart(UriPartial.Authority)}; it is not followed with the API's credentials.");
        }
        return link;
    }
}
