using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ClientGen.Runtime.Auth;
using ClientGen.Testing;
using ClientGen.Zuora;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using ClientGen.Runtime;
using Xunit;

namespace ClientGen.Vendors.Tests;

/// <summary>The generated Zuora client with its own pipeline: auth chosen from the spec, retries that never start a run twice.</summary>
public sealed class GeneratedClientPipelineTests : IAsyncLifetime
{
    private FaultServer _server = null!;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));
    private readonly ConcurrentDictionary<string, string> _runsByKey = new();
    private int _runsCreated;

    public async Task InitializeAsync()
    {
        _server = await FaultServer.StartAsync();
        _server.On("/oauth/token", (context, request, n) => FaultServer.Json(context, $$"""{"access_token":"tok-{{n}}","token_type":"bearer","expires_in":3600}"""));
        _server.On("/reporting/api/rest/v1/reportruns/run-1", (context, request, _) =>
            request.Headers.GetValueOrDefault("Authorization") == "Bearer tok-1"
                ? FaultServer.Json(context, """{"success":true,"response":{"id":"run-1","status":"QUERYDATA"}}""")
                : FaultServer.Json(context, """{"success":false}""", 401));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>Runs on fake time that holds still while the server is handling a request.</summary>
    private Task<T> RunFake<T>(Func<Task<T>> operation) => FakeClock.RunAsync(_time, operation, () => _server.IsBusy);

    private ZuoraReportingClient Client() => new(new ZuoraReportingClientOptions
    {
        BaseAddress = new Uri(_server.BaseUri, "/reporting/api/rest/v1"),
        ClientCredentials = new ClientCredentialsOptions { ClientId = "id", ClientSecret = "secret" },
        TokenCache = new TokenCache(),
        TimeProvider = _time,
        Retry = { Random = () => 1.0 },
    });

    [Fact]
    public async Task The_token_url_comes_from_the_spec_and_follows_the_base_address_host()
    {
        var run = await Client().GetReportRunAsync("run-1");

        Assert.Equal(ReportRunStatus.Querydata, run.Response.Status);
        Assert.Equal(1, _server.Count("/oauth/token"));
        var token = _server.Seen.First(r => r.Path == "/oauth/token");
        Assert.Contains("client_id=id", token.Body);
        Assert.Contains("grant_type=client_credentials", token.Body);
    }

    [Fact]
    public async Task A_token_for_a_tenant_entity_names_it_in_the_header_the_spec_declares()
    {
        var client = new ZuoraReportingClient(new ZuoraReportingClientOptions
        {
            BaseAddress = new Uri(_server.BaseUri, "/reporting/api/rest/v1"),
            ClientCredentials = new ClientCredentialsOptions { ClientId = "id", ClientSecret = "secret", Entity = "entity-4" },
            TokenCache = new TokenCache(),
        });

        await client.GetReportRunAsync("run-1");

        var token = _server.Seen.First(r => r.Path == "/oauth/token");
        Assert.Equal("entity-4", token.Headers["Zuora-Entity-Ids"]);
    }

    [Fact]
    public async Task A_run_is_created_once_however_many_times_a_lost_response_is_retried()
    {
        // Zuora's idempotency model: the first request creates the run; a retry with the same key replays it.
        _server.On("/reporting/api/rest/v1/reports/R-1/reportrun", (context, request, n) =>
        {
            var key = request.Headers.GetValueOrDefault("Idempotency-Key") ?? throw new InvalidOperationException("no key");
            var created = _runsByKey.GetOrAdd(key, _ => $"run-{System.Threading.Interlocked.Increment(ref _runsCreated)}");
            return n <= 2
                ? FaultServer.Json(context, """{"success":false,"message":"gateway"}""", 503) // the run exists, the answer is lost
                : FaultServer.Json(context, $$$"""{"success":true,"response":{"reportRunId":"{{{created}}}"}}""");
        });

        var result = await RunFake(() => Client().RunReportAsync("R-1", ViewType.Detail, Array.Empty<FilterGroup>()));

        Assert.Equal("run-1", result.Response.ReportRunId);
        Assert.Equal(1, _runsCreated);
        var keys = _server.Seen.Where(r => r.Path.EndsWith("/reportrun")).Select(r => r.Headers["Idempotency-Key"]).ToList();
        Assert.Equal(3, keys.Count);
        Assert.Single(keys.Distinct());
    }

    [Fact]
    public async Task A_token_expiring_mid_run_is_refreshed_and_the_wait_goes_on()
    {
        // Polls 1-2 accept tok-1; from poll 3 the server treats tok-1 as expired and wants tok-2.
        _server.On("/reporting/api/rest/v1/reportruns/run-9", (context, request, n) =>
        {
            var auth = request.Headers.GetValueOrDefault("Authorization");
            var valid = auth == "Bearer tok-2" || (auth == "Bearer tok-1" && _server.Count("/reporting/api/rest/v1/reportruns/run-9") <= 2);
            if (!valid) return FaultServer.Json(context, """{"success":false,"message":"token expired"}""", 401);
            return FaultServer.Json(context, n >= 5 ? """{"success":true,"response":{"id":"run-9","status":"COMPLETED"}}""" : """{"success":true,"response":{"id":"run-9","status":"PROCESSINGDATA"}}""");
        });

        var result = await RunFake(() => Client().WaitForReportRunCompletedAsync("run-9", options: new ClientGen.Runtime.Polling.WaitOptions { Random = () => 1.0 }));

        Assert.Equal(ReportRunStatus.Completed, result.Response.Status);
        Assert.Equal(2, _server.Count("/oauth/token"));
        // Poll 3 was refused once and replayed with the new token: 4 successful polls plus that one refusal.
        Assert.Equal(5, _server.Count("/reporting/api/rest/v1/reportruns/run-9"));
    }

    [Fact]
    public async Task Token_creation_itself_carries_no_bearer_token()
    {
        await Client().CreateTokenAsync(new TokenRequest { ClientId = "a", ClientSecret = "b", GrantType = TokenRequestGrantType.ClientCredentials });

        Assert.All(_server.Seen, r => Assert.False(r.Headers.ContainsKey("Authorization")));
        Assert.Equal(1, _server.Count("/oauth/token"));
    }

    [Fact]
    public async Task A_with_response_call_returns_the_value_with_its_own_status_and_headers_even_when_calls_overlap()
    {
        _server.On("/reporting/api/rest/v1/reportruns/run-a", (context, request, _) =>
        {
            context.Response.Headers["Zuora-Track-Id"] = request.Headers["Zuora-Track-Id"];
            return FaultServer.Json(context, """{"success":true,"response":{"id":"run-a","status":"STARTED"}}""");
        });
        var client = Client();

        var results = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => client.GetReportRunWithResponseAsync("run-a", callOptions: new ApiCallOptions { TrackId = "job-" + i })));

        Assert.All(results, r => Assert.Equal("run-a", r.Value.Response!.Id));
        Assert.All(results, r => Assert.Equal(200, r.StatusCode));
        Assert.Equal(Enumerable.Range(1, 8).Select(i => "job-" + i), results.Select(r => r.Response!.TrackId));
    }

    [Fact]
    public async Task The_echoed_track_id_is_readable_after_the_call_and_on_errors()
    {
        _server.On("/reporting/api/rest/v1/reportruns/run-t", (context, request, n) =>
        {
            context.Response.Headers["Zuora-Track-Id"] = request.Headers["Zuora-Track-Id"];
            context.Response.Headers["Zuora-Request-Id"] = "req-" + n;
            return n == 1
                ? FaultServer.Json(context, """{"success":true,"response":{"id":"run-t","status":"STARTED"}}""")
                : FaultServer.Json(context, """{"success":false}""", 404);
        });
        var client = Client();

        using var call = ApiCall.Capture();
        await client.GetReportRunAsync("run-t", callOptions: new ApiCallOptions { TrackId = "job-42" });
        var error = await Assert.ThrowsAsync<ApiException<ErrorResponse>>(() => client.GetReportRunAsync("run-t", callOptions: new ApiCallOptions { TrackId = "job-43" }));

        Assert.Equal("job-42", call.Responses.First(r => r.OperationId == "getReportRun").TrackId);
        Assert.Equal("req-1", call.Responses.First(r => r.OperationId == "getReportRun").RequestId);
        Assert.Equal("job-43", error.TrackId);
        Assert.Equal("req-2", error.RequestId);
    }

    [Fact]
    public async Task Gzip_responses_are_decompressed_transparently()
    {
        _server.On("/reporting/api/rest/v1/reportruns/run-gz", async (context, request, _) =>
        {
            Assert.Contains("gzip", request.Headers["Accept-Encoding"]);
            var json = System.Text.Encoding.UTF8.GetBytes("""{"success":true,"response":{"id":"run-gz","status":"COMPLETED","reportDefinition":"xxxxxxxxxxxxxxxxxxxx"}}""");
            using var buffer = new System.IO.MemoryStream();
            using (var gzip = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(json);
            context.Response.Headers.ContentEncoding = "gzip";
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(buffer.ToArray());
        });

        var run = await Client().GetReportRunAsync("run-gz");

        Assert.Equal("run-gz", run.Response.Id);
    }

    [Fact]
    public async Task Calls_are_traced_and_logged_without_secrets()
    {
        var activities = new ConcurrentQueue<System.Diagnostics.Activity>();
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = source => source.Name == ApiDiagnostics.SourceName,
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllData,
            ActivityStopped = activities.Enqueue,
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);
        var logs = new ListLoggerProvider();
        var client = new ZuoraReportingClient(new ZuoraReportingClientOptions
        {
            BaseAddress = new Uri(_server.BaseUri, "/reporting/api/rest/v1"),
            ClientCredentials = new ClientCredentialsOptions { ClientId = "id", ClientSecret = "top-secret-value" },
            TokenCache = new TokenCache(),
            LoggerFactory = Microsoft.Extensions.Logging.LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Trace)),
        });

        await client.GetReportRunAsync("run-1");

        // The listener is process-wide and tests run in parallel: keep only this test's server.
        var activity = Assert.Single(activities, a => a.OperationName == "getReportRun" && (int?)a.GetTagItem("server.port") == _server.BaseUri.Port);
        Assert.Equal(200, activity.GetTagItem("http.response.status_code"));
        Assert.NotEmpty(logs.Lines);
        Assert.All(logs.Lines, line =>
        {
            Assert.DoesNotContain("top-secret-value", line);
            Assert.DoesNotContain("tok-1", line);
        });
    }

    private sealed class ListLoggerProvider : Microsoft.Extensions.Logging.ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => new Logger(Lines);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> lines) : Microsoft.Extensions.Logging.ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

            public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue(formatter(state, exception));
        }
    }
}
