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
    // Options go on each message only where handlers the runtime did not write may read them (see ApiRequestMessage).
    private readonly bool _publishOptions;
    private volatile ResolvedBase? _resolved;

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
        _publishOptions = !ApiPipeline.IsBuiltHere(httpClient);
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
        if (Options.DefaultHeaders.Count > 0)
        {
            foreach (var header in Options.DefaultHeaders)
            {
                if (!request.HasHeader(header.Key)) request.AddHeader(header.Key, header.Value);
            }
        }
        // Ended by the response when its body has been read, so a body that fails to parse still marks the span as failed.
        var activity = ApiDiagnostics.Source.StartActivity(request.Operation.OperationId, ActivityKind.Client);
        var uri = ResolveUri(request);
        activity?.SetTag("http.request.method", request.Operation.Method);
        activity?.SetTag("url.template", request.Operation.PathTemplate);
        activity?.SetTag("server.address", uri.IsAbsoluteUri ? uri.Host : null);
        activity?.SetTag("server.port", uri.IsAbsoluteUri ? uri.Port : null);
        using var message = request.CreateMessage(uri, _publishOptions, _userAgent);
        var started = _logger.IsEnabled(LogLevel.Debug) ? Options.TimeProvider.GetTimestamp() : 0;
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
            // Guarded: the arguments are boxed into an array even when no logger listens.
            if (started != 0) _logger.LogDebug("{Operation} {Method} {Template} answered {Status} in {Elapsed} ms",
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
        if (request.Link is { } link) return Linked(request, BaseAddressFor(request.Operation), link);
        return new Uri(request.AppendTo(Resolved().PrefixFor(request.Operation, this)), UriKind.RelativeOrAbsolute);
    }

    // The options and the HttpClient may be changed after the client is built, so the cache is keyed on what it read.
    private ResolvedBase Resolved()
    {
        var resolved = _resolved;
        if (resolved is not null && resolved.IsFor(Options, _httpClient)) return resolved;
        return _resolved = new ResolvedBase(Options, _httpClient);
    }

    private Uri BaseAddressFor(ApiOperation operation)
    {
        var baseAddress = Options.EffectiveBaseAddress ?? _httpClient.BaseAddress
            ?? throw new InvalidOperationException($"No base address for '{operation.OperationId}': set {nameof(ApiClientOptions.Environment)} or {nameof(ApiClientOptions.BaseAddress)} in the client options, or HttpClient.BaseAddress.");
        if (!baseAddress.IsAbsoluteUri && _httpClient.BaseAddress is { } clientBase) baseAddress = new Uri(clientBase, baseAddress);

        var servers = operation.Servers;
        if (servers.Count > 0)
        {
            var match = Options.BaseAddress is null ? servers.FirstOrDefault(s => s.Name == Options.Environment?.Name) : null;
            var server = (match ?? servers[0]).BaseAddress;
            if (match is not null && server.IsAbsoluteUri) baseAddress = server;
            else if (baseAddress.IsAbsoluteUri) baseAddress = new Uri(baseAddress.GetLeftPart(UriPartial.Authority) + (server.IsAbsoluteUri ? server.AbsolutePath : server.OriginalString));
        }
        return baseAddress;
    }

    /// <summary>
    /// The base address text each operation's paths are appended to, worked out once per client and configuration
    /// instead of per call (272 B a GET, 832 B a POST, measured in #18).
    /// </summary>
    private sealed class ResolvedBase(ApiClientOptions options, HttpClient httpClient)
    {
        private readonly Uri? _optionsBase = options.BaseAddress;
        private readonly ApiEnvironment? _environment = options.Environment;
        private readonly Uri? _clientBase = httpClient.BaseAddress;
        private readonly System.Collections.Concurrent.ConcurrentDictionary<ApiOperation, string> _byOperation = new(System.Collections.Generic.ReferenceEqualityComparer.Instance);
        private string? _shared;

        public bool IsFor(ApiClientOptions current, HttpClient client) =>
            ReferenceEquals(_optionsBase, current.BaseAddress) && ReferenceEquals(_environment, current.Environment) && ReferenceEquals(_clientBase, client.BaseAddress);

        // Operations without servers of their own (nearly all) share one prefix; the others get theirs on first use.
        public string PrefixFor(ApiOperation operation, ApiClientCore core)
        {
            if (operation.Servers.Count == 0) return _shared ??= Prefix(core.BaseAddressFor(operation));
            return _byOperation.GetOrAdd(operation, static (op, c) => Prefix(c.BaseAddressFor(op)), core);
        }

        private static string Prefix(Uri baseAddress) => baseAddress.OriginalString.TrimEnd('/');
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
