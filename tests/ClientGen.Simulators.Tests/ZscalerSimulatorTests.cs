using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using ClientGen.Runtime.Auth;
using ClientGen.Runtime.GraphQl;
using ClientGen.Simulators.Zscaler;
using ClientGen.ZscalerUvm;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ClientGen.Simulators.Tests;

/// <summary>The Zscaler UVM simulator: OAuth, the documented headers, graphql-dotnet executing our SDL, runs and presigned links.</summary>
public sealed class ZscalerSimulatorTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private ZscalerSimulator _zscaler = null!;

    public async Task InitializeAsync() => _zscaler = await ZscalerSimulator.StartAsync(new ZscalerSimulatorOptions { TimeProvider = _time });

    public async Task DisposeAsync() => await _zscaler.DisposeAsync();

    private ZscalerUvmReportingClient Client(string? account = null) => new(new ZscalerUvmReportingClientOptions
    {
        BaseAddress = _zscaler.BaseAddress,
        AccountId = account ?? _zscaler.Options.AccountId,
        ClientCredentials = new ClientCredentialsOptions { ClientId = _zscaler.Options.ClientId, ClientSecret = _zscaler.Options.ClientSecret },
        TokenCache = new TokenCache(),
    });

    private async Task<string> TokenAsync()
    {
        using var http = new HttpClient();
        using var form = new FormUrlEncodedContent(new System.Collections.Generic.Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = _zscaler.Options.ClientId, ["client_secret"] = _zscaler.Options.ClientSecret });
        using var response = await http.PostAsync(_zscaler.TokenEndpoint, form);
        var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(3600, json.GetProperty("expires_in").GetInt32());
        return json.GetProperty("access_token").GetString()!;
    }

    private async Task<HttpResponseMessage> PostAsync(string body, string? operation, string? account, string? token)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, _zscaler.BaseAddress) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (operation is not null) request.Headers.Add("graphqlname", operation);
        if (account is not null) request.Headers.Add("accountId", account);
        return await http.SendAsync(request);
    }

    [Fact]
    public async Task The_seed_documents_own_curl_requests_are_accepted_as_written()
    {
        // The bodies and headers of Zscaler's documented examples, anonymous operations and all.
        var token = await TokenAsync();
        using var process = await PostAsync("""{"query":"mutation ($id: String!) {processReport(id:$id, isPresignedUrl: true)}","variables":{"id":"vulnerability-summary"}}""", "processReport", _zscaler.Options.AccountId, token);
        var started = System.Text.Json.JsonDocument.Parse(await process.Content.ReadAsStringAsync()).RootElement;
        Assert.True(process.IsSuccessStatusCode, started.ToString());
        var runId = started.GetProperty("data").GetProperty("processReport").GetProperty("runId").GetString();

        using var status = await PostAsync($$$"""{"query":"query ($reportId: String, $runId: String) { getReportRunStatus(reportId: $reportId, runId: $runId) }","variables":{"reportId":"vulnerability-summary", "runId":"{{{runId}}}"}}""", "getReportRunStatus", _zscaler.Options.AccountId, token);
        var body = System.Text.Json.JsonDocument.Parse(await status.Content.ReadAsStringAsync()).RootElement;

        Assert.True(status.IsSuccessStatusCode, body.ToString());
        Assert.Equal("Running", body.GetProperty("data").GetProperty("getReportRunStatus").GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_graphqlname_that_names_neither_the_operation_nor_its_field_is_refused()
    {
        var token = await TokenAsync();

        using var response = await PostAsync("""{"query":"mutation ($id: String!) {processReport(id:$id)}","variables":{"id":"vulnerability-summary"}}""", "getReportRunStatus", _zscaler.Options.AccountId, token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("processReport", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_presigned_run_goes_running_to_completed_and_its_link_downloads_the_report()
    {
        var client = Client();
        var runId = (await client.ProcessReportAsync("vulnerability-summary", isPresignedUrl: true)).GetDataOrThrow().ProcessReport!.RunId!;
        var running = (await client.GetReportRunStatusAsync("vulnerability-summary", runId)).GetDataOrThrow().GetReportRunStatus!;
        _time.Advance(_zscaler.Options.RunDuration);
        var completed = (await client.GetReportRunStatusAsync("vulnerability-summary", runId)).GetDataOrThrow().GetReportRunStatus!;

        using var file = new MemoryStream();
        await client.DownloadReportAsync("vulnerability-summary", runId, file);

        Assert.Equal(ReportRunStatus.Running, running.Status);
        Assert.Null(running.PresignedUrl);
        Assert.Equal(ReportRunStatus.Completed, completed.Status);
        Assert.StartsWith(_zscaler.RootAddress + "files/", completed.PresignedUrl);
        Assert.StartsWith("asset,finding,severity,status\n", Encoding.UTF8.GetString(file.ToArray()));
    }

    [Fact]
    public async Task A_run_without_a_presigned_link_reports_its_s3_path_and_a_failing_report_fails()
    {
        var client = Client();
        var s3 = (await client.ProcessReportAsync("vulnerability-summary")).GetDataOrThrow().ProcessReport!.RunId!;
        var failing = (await client.ProcessReportAsync("broken-report", isPresignedUrl: true)).GetDataOrThrow().ProcessReport!.RunId!;
        _time.Advance(TimeSpan.FromMinutes(1));

        var s3Run = (await client.GetReportRunStatusAsync("vulnerability-summary", s3)).GetDataOrThrow().GetReportRunStatus!;
        var failed = (await client.GetReportRunStatusAsync("broken-report", failing)).GetDataOrThrow().GetReportRunStatus!;

        Assert.Equal($"s3://simulator-exports/vulnerability-summary/{s3}.csv", s3Run.ResultFilePath);
        Assert.Null(s3Run.PresignedUrl);
        Assert.Equal(ReportRunStatus.Failed, failed.Status);
    }

    [Fact]
    public async Task Presigned_links_are_refused_when_tampered_with_or_expired()
    {
        var client = Client();
        var runId = (await client.ProcessReportAsync("vulnerability-summary", isPresignedUrl: true)).GetDataOrThrow().ProcessReport!.RunId!;
        _time.Advance(_zscaler.Options.RunDuration);
        var url = (await client.GetReportRunStatusAsync("vulnerability-summary", runId)).GetDataOrThrow().GetReportRunStatus!.PresignedUrl!;
        using var http = new HttpClient();

        using var tampered = await http.GetAsync(url[..^4] + "0000");
        _time.Advance(_zscaler.Options.PresignedUrlLifetime);
        using var expired = await http.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, tampered.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
        Assert.Contains("expired", await expired.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_documented_headers_and_the_bearer_token_are_required()
    {
        var token = await TokenAsync();
        const string body = """{"query":"query getReportRunStatus($runId: String) { getReportRunStatus(runId: $runId) }","operationName":"getReportRunStatus","variables":{"runId":"x"}}""";

        using var noToken = await PostAsync(body, "getReportRunStatus", _zscaler.Options.AccountId, null);
        using var wrongAccount = await PostAsync(body, "getReportRunStatus", "someone-else", token);
        using var wrongName = await PostAsync(body, "processReport", _zscaler.Options.AccountId, token);
        using var ok = await PostAsync(body, "getReportRunStatus", _zscaler.Options.AccountId, token);

        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrongAccount.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongName.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Contains("Run x does not exist", await ok.Content.ReadAsStringAsync()); // a GraphQL error, not an HTTP one
    }

    [Fact]
    public async Task Graphql_dotnet_validates_documents_against_the_schema()
    {
        var token = await TokenAsync();

        using var response = await PostAsync("""{"query":"query bad { reports { id } }","operationName":"bad"}""", "bad", _zscaler.Options.AccountId, token);

        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"errors\"", text);
        Assert.Contains("reports", text);
        Assert.DoesNotContain("\"data\":{", text);
    }

    [Fact]
    public async Task An_unknown_report_is_a_graphql_error_the_client_surfaces()
    {
        var error = await Assert.ThrowsAsync<GraphQlException>(async () => (await Client().ProcessReportAsync("missing")).GetDataOrThrow());

        Assert.Contains("Report missing does not exist", error.Message);
        Assert.Equal(0, _zscaler.RunsStarted);
    }
}
