using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using ClientGen.Runtime.Auth;
using ClientGen.Testing;
using ClientGen.ZscalerUvm;
using ClientGen.Runtime;
using Xunit;

namespace ClientGen.Vendors.Tests;

/// <summary>The generated Zscaler UVM client on the wire: operation headers, region tokens, and the typed JSON scalar.</summary>
public sealed class ZscalerClientTests : IAsyncLifetime
{
    private FaultServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await FaultServer.StartAsync();
        _server.On("/oauth2/token", (context, _, n) => FaultServer.Json(context, $$"""{"access_token":"zs-{{n}}","token_type":"Bearer","expires_in":3600}"""));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private ZscalerUvmReportingClient Client() => new(new ZscalerUvmReportingClientOptions
    {
        BaseAddress = new Uri(_server.BaseUri, "/api/graphql"),
        AccountId = "acct-42",
        ClientCredentials = new ClientCredentialsOptions { ClientId = "zs-id", ClientSecret = "zs-secret" },
        TokenCache = new TokenCache(),
    });

    [Fact]
    public async Task Process_report_sends_the_documented_request_with_operation_headers_and_a_region_token()
    {
        _server.On("/api/graphql", (context, _, _) => FaultServer.Json(context, """{"data":{"processReport":{"runId":"run-7"}}}"""));

        var response = await Client().ProcessReportAsync("report-1", isPresignedUrl: true);

        Assert.Equal("run-7", response.GetDataOrThrow().ProcessReport!.RunId);
        var call = _server.Seen.Single(r => r.Path == "/api/graphql");
        Assert.Equal("processReport", call.Headers["graphqlname"]);
        Assert.Equal("acct-42", call.Headers["accountId"]);
        Assert.Equal("Bearer zs-1", call.Headers["Authorization"]);
        Assert.Contains("\"operationName\":\"processReport\"", call.Body);
        Assert.Contains("\"variables\":{\"id\":\"report-1\",\"isPresignedUrl\":true}", call.Body);
        Assert.Contains("client_id=zs-id", _server.Seen.Single(r => r.Path == "/oauth2/token").Body);
    }

    [Theory]
    [InlineData("""{"data":{"getReportRunStatus":{"runId":"run-7","status":"Completed","presignedUrl":"https://files.example/r.csv?sig=abc"}}}""")]
    [InlineData("""{"data":{"getReportRunStatus":"{\"runId\":\"run-7\",\"status\":\"Completed\",\"presignedUrl\":\"https://files.example/r.csv?sig=abc\"}"}}""")]
    public async Task The_json_scalar_is_read_as_a_typed_record_whether_object_or_encoded_string(string body)
    {
        _server.On("/api/graphql", (context, _, _) => FaultServer.Json(context, body));

        var run = (await Client().GetReportRunStatusAsync(reportId: "report-1", runId: "run-7")).GetDataOrThrow().GetReportRunStatus!;

        Assert.Equal(ReportRunStatus.Completed, run.Status);
        Assert.Equal("https://files.example/r.csv?sig=abc", run.PresignedUrl);
    }

    [Fact]
    public async Task An_unknown_status_is_kept()
    {
        _server.On("/api/graphql", (context, _, _) => FaultServer.Json(context, """{"data":{"getReportRunStatus":{"runId":"r","status":"Queued"}}}"""));

        var run = (await Client().GetReportRunStatusAsync(runId: "r")).GetDataOrThrow().GetReportRunStatus!;

        Assert.Equal("Queued", run.Status!.Value.Value);
        Assert.False(run.Status.Value.IsKnown);
    }

    [Fact]
    public async Task A_report_runs_to_completion_through_an_expired_token_and_downloads_through_an_expired_url()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var statusCalls = 0;
        _server.On("/api/graphql", (context, request, n) =>
        {
            // The first token "expires" after two GraphQL calls: the client must refresh it and replay.
            if (request.Headers["Authorization"] == "Bearer zs-1" && n > 2) return FaultServer.Json(context, """{"errors":[{"message":"token expired"}]}""", 401);
            if (request.Body.Contains("processReport")) return FaultServer.Json(context, """{"data":{"processReport":{"runId":"run-7"}}}""");
            var call = Interlocked.Increment(ref statusCalls);
            var sig = call >= 6 ? "fresh" : "stale"; // the wait ends on call 4; the download sees a stale URL (call 5), then a fresh one (call 6)
            var status = call >= 4 ? $$$"""{"runId":"run-7","status":"Completed","presignedUrl":"{{{_server.BaseUri}}}files/r.csv?sig={{{sig}}}"}""" : """{"runId":"run-7","status":"Running"}""";
            return FaultServer.Json(context, "{\"data\":{\"getReportRunStatus\":" + status + "}}");
        });
        _server.On("/files/r.csv", (context, request, _) =>
        {
            if (context.Request.Query["sig"] != "fresh") { context.Response.StatusCode = 403; return context.Response.WriteAsync("Request has expired"); }
            context.Response.ContentType = "text/csv";
            return context.Response.WriteAsync("id,name\n1,Revenue\n");
        });
        var client = new ZscalerUvmReportingClient(new ZscalerUvmReportingClientOptions
        {
            BaseAddress = new Uri(_server.BaseUri, "/api/graphql"),
            AccountId = "acct-42",
            ClientCredentials = new ClientCredentialsOptions { ClientId = "zs-id", ClientSecret = "zs-secret" },
            TokenCache = new TokenCache(),
            TimeProvider = time,
        });

        var run = await FakeClock.RunAsync(time, () => client.ProcessReportAndWaitAsync("report-1", isPresignedUrl: true, waitOptions: new ClientGen.Runtime.Polling.WaitOptions { Random = () => 1.0 }), () => _server.IsBusy);
        using var file = new System.IO.MemoryStream();
        var bytes = await client.DownloadReportAsync("report-1", "run-7", file);

        Assert.Equal(ReportRunStatus.Completed, run.GetReportRunStatus!.Status);
        Assert.Equal("id,name\n1,Revenue\n", System.Text.Encoding.UTF8.GetString(file.ToArray()));
        Assert.Equal(file.Length, bytes);
        Assert.Equal(2, _server.Count("/oauth2/token"));
        Assert.Equal(2, _server.Count("/files/r.csv"));
        Assert.All(_server.Seen.Where(r => r.Path == "/files/r.csv"), r => Assert.False(r.Headers.ContainsKey("Authorization"), "the bearer token must not go to the file host"));
    }

    [Fact]
    public async Task A_download_that_keeps_failing_names_the_host_but_not_the_signature()
    {
        var url = _server.BaseUri + "files/x.csv?X-Amz-Signature=secret-sig";
        _server.On("/api/graphql", (context, _, _) => FaultServer.Json(context, "{\"data\":{\"getReportRunStatus\":{\"runId\":\"r\",\"status\":\"Completed\",\"presignedUrl\":\"" + url + "\"}}}"));
        _server.On("/files/x.csv", (context, _, _) => { context.Response.StatusCode = 403; return Task.CompletedTask; });

        var error = await Assert.ThrowsAsync<System.Net.Http.HttpRequestException>(() => Client().DownloadReportAsync("report-1", "r", new System.IO.MemoryStream()));

        Assert.DoesNotContain("secret-sig", error.Message);
        Assert.Contains("/files/x.csv", error.Message);
        Assert.Equal(2, _server.Count("/files/x.csv")); // one re-query for a fresh URL, then give up
    }

    [Fact]
    public async Task A_run_started_in_one_process_is_resumed_in_another_from_its_persisted_handle()
    {
        var statusCalls = 0;
        _server.On("/api/graphql", (context, request, _) =>
        {
            if (request.Body.Contains("processReport")) return FaultServer.Json(context, """{"data":{"processReport":{"runId":"run-9"}}}""");
            var done = Interlocked.Increment(ref statusCalls) >= 2;
            return FaultServer.Json(context, "{\"data\":{\"getReportRunStatus\":{\"runId\":\"run-9\",\"status\":\"" + (done ? "Completed" : "Running") + "\"}}}");
        });
        string? saved = null;
        using var stop = new CancellationTokenSource();
        var options = new ClientGen.Runtime.Polling.WaitOptions { Started = handle => { saved = handle.ToJson(); stop.Cancel(); }, MinDelay = TimeSpan.FromMilliseconds(10) };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client().ProcessReportAndWaitAsync("report-1", isPresignedUrl: true, waitOptions: options, cancellationToken: stop.Token));
        var handle = ClientGen.Runtime.Polling.OperationHandle.Parse(saved!);
        var resumed = await Client().ResumeReportRunCompletedAsync(handle, new ClientGen.Runtime.Polling.WaitOptions { MinDelay = TimeSpan.FromMilliseconds(10) });

        Assert.Equal("run-9", handle.Id);
        Assert.Equal("report-1", handle.Argument("reportId"));
        Assert.Equal(ReportRunStatus.Completed, resumed.GetReportRunStatus!.Status);
        Assert.Single(_server.Seen, r => r.Body.Contains("processReport")); // resuming never starts the run again
        Assert.All(_server.Seen.Where(r => r.Body.Contains("getReportRunStatus")), r => Assert.Contains("\"reportId\":\"report-1\"", r.Body));
    }

    [Fact]
    public async Task A_download_to_a_file_that_fails_leaves_the_previous_file_as_it_was()
    {
        var url = _server.BaseUri + "files/broken.csv?sig=s";
        _server.On("/api/graphql", (context, _, _) => FaultServer.Json(context, "{\"data\":{\"getReportRunStatus\":{\"runId\":\"r\",\"status\":\"Completed\",\"presignedUrl\":\"" + url + "\"}}}"));
        _server.On("/files/broken.csv", (context, _, _) => { context.Response.StatusCode = 500; return Task.CompletedTask; });
        var folder = System.IO.Directory.CreateTempSubdirectory("clientgen-download-");
        var path = System.IO.Path.Combine(folder.FullName, "report.csv");
        System.IO.File.WriteAllText(path, "yesterday's report");

        var error = await Assert.ThrowsAsync<System.Net.Http.HttpRequestException>(() => Client().DownloadReportToFileAsync("report-1", "r", path));

        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal("yesterday's report", System.IO.File.ReadAllText(path));
        Assert.Equal(new[] { path }, System.IO.Directory.GetFiles(folder.FullName)); // no partial file left behind
        Assert.Equal(1, _server.Count("/files/broken.csv")); // a 500 is not an expired link: not asked again
        folder.Delete(recursive: true);
    }

    [Fact]
    public void Regions_carry_their_own_token_hosts()
    {
        Assert.Equal(new Uri("https://auth.eu.app.avalor.io/oauth2/token"), ZscalerUvmReportingClientEnvironments.Eu.TokenEndpoint);
        var options = new ZscalerUvmReportingClientOptions { Environment = ZscalerUvmReportingClientEnvironments.Eu };
        Assert.Equal(new Uri("https://auth.eu.app.avalor.io/oauth2/token"), ApiPipeline.TokenEndpointFor(options));
        Assert.Equal(new Uri("https://api.us01.app.avalor.io/api/graphql"), new ZscalerUvmReportingClientOptions().EffectiveBaseAddress);
    }

    [Fact]
    public void A_base_address_on_a_regions_api_host_gets_that_regions_token_host_and_a_simulator_serves_its_own()
    {
        var typedIn = new ZscalerUvmReportingClientOptions { BaseAddress = new Uri("https://api.eu.app.avalor.io/api/graphql") };
        var simulator = new ZscalerUvmReportingClientOptions { BaseAddress = new Uri("http://127.0.0.1:5000/api/graphql") };
        var explicitToken = new ZscalerUvmReportingClientOptions
        {
            BaseAddress = new Uri("https://api.eu.app.avalor.io/api/graphql"),
            ClientCredentials = new ClientGen.Runtime.Auth.ClientCredentialsOptions { ClientId = "c", TokenEndpoint = new Uri("https://login.example/oauth2/token") },
        };

        Assert.Equal(new Uri("https://auth.eu.app.avalor.io/oauth2/token"), ApiPipeline.TokenEndpointFor(typedIn));
        Assert.Equal("127.0.0.1", ApiPipeline.TokenEndpointFor(simulator).Host);
        Assert.Contains("TokenEndpoint=https://login.example/oauth2/token", ApiPipeline.CreateTokenProvider(explicitToken)!.ToString());
    }
}
