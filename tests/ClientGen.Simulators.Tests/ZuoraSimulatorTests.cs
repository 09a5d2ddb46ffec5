using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using ClientGen.Runtime;
using ClientGen.Runtime.Auth;
using ClientGen.Simulators.Zuora;
using ClientGen.Zuora;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ClientGen.Simulators.Tests;

/// <summary>The Zuora simulator follows Zuora's documented Reporting API: lifecycle, cancel, idempotency, gzip, track ids, data.</summary>
public sealed class ZuoraSimulatorTests : IAsyncLifetime
{
    private static readonly FilterGroup[] NoFilters = Array.Empty<FilterGroup>();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private ZuoraSimulator _zuora = null!;

    public async Task InitializeAsync() => _zuora = await ZuoraSimulator.StartAsync(new ZuoraSimulatorOptions { TimeProvider = _time, PhaseDuration = TimeSpan.FromSeconds(10) });

    public async Task DisposeAsync() => await _zuora.DisposeAsync();

    private ZuoraReportingClient Client(string? secret = null) => new(new ZuoraReportingClientOptions
    {
        BaseAddress = _zuora.BaseAddress,
        ClientCredentials = new ClientCredentialsOptions { ClientId = _zuora.Options.ClientId, ClientSecret = secret ?? _zuora.Options.ClientSecret },
        TokenCache = new TokenCache(),
    });

    private async Task<HttpClient> AuthorizedHttpAsync()
    {
        var http = new HttpClient { BaseAddress = _zuora.RootAddress };
        using var form = new FormUrlEncodedContent(new[] { KeyValuePair("grant_type", "client_credentials"), KeyValuePair("client_id", _zuora.Options.ClientId), KeyValuePair("client_secret", _zuora.Options.ClientSecret) });
        using var response = await http.PostAsync("/oauth/token", form);
        var token = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static System.Collections.Generic.KeyValuePair<string, string> KeyValuePair(string key, string value) => new(key, value);

    [Fact]
    public async Task A_run_moves_through_the_documented_statuses_on_the_simulator_clock()
    {
        var client = Client();
        var id = (await client.RunReportAsync(ZuoraSimulatedReport.ActiveAccounts.Id, ViewType.Detail, NoFilters)).Response.ReportRunId;

        var seen = new System.Collections.Generic.List<ReportRunStatus>();
        for (var step = 0; step < 4; step++)
        {
            seen.Add((await client.GetReportRunAsync(id)).Response.Status);
            _time.Advance(TimeSpan.FromSeconds(10));
        }

        Assert.Equal(new[] { ReportRunStatus.Started, ReportRunStatus.Querydata, ReportRunStatus.Processingdata, ReportRunStatus.Completed }, seen);
        var run = (await client.GetReportRunAsync(id)).Response;
        Assert.Equal(ZuoraSimulatedReport.ActiveAccounts.Id, run.ReportId);
        Assert.Equal(run.StartedOn + 30_000, run.UpdatedOn);
        Assert.Equal(id, (await client.GetLastCompletedReportRunAsync(ZuoraSimulatedReport.ActiveAccounts.Id)).Response.Id);
    }

    [Theory]
    [InlineData("ff808081529f4e3401529fd3737300ff", "Detail", "INVALID")]
    [InlineData("ff808081529f4e3401529fd3737300ee", "Summary", "ERROR")]
    public async Task Invalid_and_failing_reports_end_in_their_documented_statuses(string reportId, string viewType, string final)
    {
        var client = Client();
        var id = (await client.RunReportAsync(reportId, new ViewType(viewType), NoFilters)).Response.ReportRunId;
        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(final, (await client.GetReportRunAsync(id)).Response.Status.Value);
        var error = await Assert.ThrowsAnyAsync<ApiException>(() => client.GetReportDataAsync(id, 1, 10));
        Assert.Equal(400, error.StatusCode);
    }

    [Fact]
    public async Task A_run_with_the_wrong_view_type_or_an_unknown_report_is_refused()
    {
        var client = Client();

        Assert.Equal(400, (await Assert.ThrowsAnyAsync<ApiException>(() => client.RunReportAsync(ZuoraSimulatedReport.ActiveAccounts.Id, ViewType.Summary, NoFilters))).StatusCode);
        Assert.Equal(404, (await Assert.ThrowsAnyAsync<ApiException>(() => client.RunReportAsync("no-such-report", ViewType.Detail, NoFilters))).StatusCode);
        Assert.Empty(_zuora.RunIds);
    }

    [Fact]
    public async Task Delete_cancels_a_run_in_progress_and_says_so_again_but_cannot_cancel_a_finished_run()
    {
        var client = Client();
        var id = (await client.RunReportAsync(ZuoraSimulatedReport.ActiveAccounts.Id, ViewType.Detail, NoFilters)).Response.ReportRunId;

        Assert.Equal("The report run has been canceled", (await client.CancelReportRunAsync(id)).Response);
        Assert.Equal("The report run was canceled", (await client.CancelReportRunAsync(id)).Response);
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(ReportRunStatus.Cancelled, (await client.GetReportRunAsync(id)).Response.Status);

        var done = (await client.RunReportAsync(ZuoraSimulatedReport.ActiveAccounts.Id, ViewType.Detail, NoFilters)).Response.ReportRunId;
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(400, (await Assert.ThrowsAnyAsync<ApiException>(() => client.CancelReportRunAsync(done))).StatusCode);
        Assert.Equal(404, (await Assert.ThrowsAnyAsync<ApiException>(() => client.CancelReportRunAsync("missing"))).StatusCode);
    }

    [Fact]
    public async Task An_idempotency_key_replays_the_first_run_for_24_hours_and_refuses_another_body()
    {
        var client = Client();
        var filter = new[] { new FilterGroup { LogicalOperator = new LogicalOperator { Value = LogicalOperatorValue.And }, FilterClauses = Array.Empty<FilterClause>() } };

        var first = (await client.RunReportAsync(ZuoraSimulatedReport.ActiveAccounts.Id, ViewType.Detail, NoFilters, callOptions: new ApiCallOptions { IdempotencyKey = "key-1" })).Response.ReportRunId;
        var replay = (await client.RunReportAsync(ZuoraSimulatedReport.ActiveAccounts.Id, ViewType.Detail, NoFilters, callOptions: new ApiCallOptions { IdempotencyKey = "key-1" })).Response.ReportRunId;
        var mismatch = await Assert.ThrowsAnyAsync<ApiException>(() => client.RunReportAsync(ZuoraSimulatedReport.ActiveAccounts.Id, ViewType.Detail, filter, callOptions: new ApiCallOptions { IdempotencyKey = "key-1" }));

        Assert.Equal(first, replay);
        Assert.Equal(422, mismatch.StatusCode);
        Assert.Single(_zuora.RunIds);

        _time.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        var afterRetention = (await client.RunReportAsync(ZuoraSimulatedReport.ActiveAccounts.Id, ViewType.Detail, filter, callOptions: new ApiCallOptions { IdempotencyKey = "key-1" })).Response.ReportRunId;
        Assert.NotEqual(first, afterRetention);
    }

    [Fact]
    public async Task The_seed_documents_own_requests_are_accepted_as_written()
    {
        // Zuora's documented sample body for Run a Report, then its Get and Cancel examples, sent as raw HTTP.
        using var http = new HttpClient();
        using var tokenResponse = await http.PostAsync(new Uri(_zuora.RootAddress, "/oauth/token"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = _zuora.Options.ClientId, ["client_secret"] = _zuora.Options.ClientSecret, ["grant_type"] = "client_credentials",
        }));
        var token = System.Text.Json.JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        const string seedBody = """[{"logicalOperator":{"value":"AND"},"filterClauses":[{"field":{"id":"Account.Status","type":"Text"},"operator":"=","value":"Active"}]}]""";

        using var run = await http.PostAsync($"{_zuora.BaseAddress}/reports/{ZuoraSimulatedReport.ActiveAccounts.Id}/reportrun?viewType=Detail", new StringContent(seedBody, System.Text.Encoding.UTF8, "application/json"));
        var runBody = System.Text.Json.JsonDocument.Parse(await run.Content.ReadAsStringAsync()).RootElement;
        Assert.True(run.IsSuccessStatusCode, runBody.ToString());
        var runId = runBody.GetProperty("response").GetProperty("reportRunId").GetString();
        using var get = await http.GetAsync($"{_zuora.BaseAddress}/reportruns/{runId}");
        using var cancel = await http.DeleteAsync($"{_zuora.BaseAddress}/reportruns/{runId}");

        Assert.True(runBody.GetProperty("success").GetBoolean());
        Assert.Equal(runId, System.Text.Json.JsonDocument.Parse(await get.Content.ReadAsStringAsync()).RootElement.GetProperty("response").GetProperty("id").GetString());
        Assert.Equal("The report run has been canceled", System.Text.Json.JsonDocument.Parse(await cancel.Content.ReadAsStringAsync()).RootElement.GetProperty("response").GetString());
    }

    [Fact]
    public async Task An_empty_filter_array_runs_the_saved_filters_unless_the_simulator_is_told_otherwise()
    {
        await using var strict = await ZuoraSimulator.StartAsync(new ZuoraSimulatorOptions { TimeProvider = _time, EmptyFiltersRunSavedFilters = false });
        var lenient = new ZuoraReportingClient(new ZuoraReportingClientOptions
        {
            BaseAddress = _zuora.BaseAddress,
            ClientCredentials = new ClientCredentialsOptions { ClientId = _zuora.Options.ClientId, ClientSecret = _zuora.Options.ClientSecret },
        });
        var refusing = new ZuoraReportingClient(new ZuoraReportingClientOptions
        {
            BaseAddress = strict.BaseAddress,
            ClientCredentials = new ClientCredentialsOptions { ClientId = strict.Options.ClientId, ClientSecret = strict.Options.ClientSecret },
        });

        var run = await lenient.RunReportAsync(ZuoraSimulatedReport.ActiveAccounts.Id, ViewType.Detail, NoFilters);
        var refused = await Assert.ThrowsAnyAsync<ApiException>(() => refusing.RunReportAsync(ZuoraSimulatedReport.ActiveAccounts.Id, ViewType.Detail, NoFilters));

        Assert.NotNull(run.Response.ReportRunId);
        Assert.Equal(400, refused.StatusCode);
    }

    [Fact]
    public async Task A_retry_while_the_first_request_is_in_flight_gets_409()
    {
        await using var slow = await ZuoraSimulator.StartAsync(new ZuoraSimulatorOptions { TimeProvider = _time, RunStartLatency = TimeSpan.FromSeconds(5) });
        var client = new ZuoraReportingClient(new ZuoraReportingClientOptions
        {
            BaseAddress = slow.BaseAddress,
            ClientCredentials = new ClientCredentialsOptions { ClientId = slow.Options.ClientId, ClientSecret = slow.Options.ClientSecret },
            Retry = new Runtime.Http.RetryOptions { MaxRetries = 0 },
        });
        await client.GetReportRunAsync("warm-up-token").ContinueWith(_ => { }); // fetch the token before the clock matters

        var first = client.RunReportAsync(ZuoraSimulatedReport.ActiveAccounts.Id, ViewType.Detail, NoFilters, callOptions: new ApiCallOptions { IdempotencyKey = "k" });
        while (!slow.IsBusy) await Task.Delay(5);
        var conflict = await Assert.ThrowsAnyAsync<ApiException>(() => client.RunReportAsync(ZuoraSimulatedReport.ActiveAccounts.Id, ViewType.Detail, NoFilters, callOptions: new ApiCallOptions { IdempotencyKey = "k" }));
        _time.Advance(TimeSpan.FromSeconds(5));

        // Await the first run before reading RunIds: an argument list is evaluated left to right, so reading the ids first
        // raced the simulator recording the run under load.
        var started = (await first).Response.ReportRunId;
        Assert.Equal(409, conflict.StatusCode);
        Assert.Single(slow.RunIds, started);
    }

    [Fact]
    public async Task Gzip_works_both_ways_and_only_responses_over_1000_bytes_are_compressed()
    {
        using var http = await AuthorizedHttpAsync();
        using var gzipped = new MemoryStream();
        await using (var gzip = new GZipStream(gzipped, CompressionLevel.Fastest, leaveOpen: true)) await gzip.WriteAsync(Encoding.UTF8.GetBytes("[]"));
        using var body = new ByteArrayContent(gzipped.ToArray());
        body.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        body.Headers.ContentEncoding.Add("gzip");
        using var started = await http.PostAsync($"reporting/api/rest/v1/reports/{ZuoraSimulatedReport.ActiveAccounts.Id}/reportrun?viewType=Detail", body);
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        var id = System.Text.Json.JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement.GetProperty("response").GetProperty("reportRunId").GetString();
        _time.Advance(TimeSpan.FromMinutes(1));

        using var large = new HttpRequestMessage(HttpMethod.Get, $"reporting/api/rest/v1/reportruns/reportdata/{id}?offset=1&pageSize=40");
        large.Headers.AcceptEncoding.ParseAdd("gzip");
        using var largeResponse = await http.SendAsync(large);
        using var small = new HttpRequestMessage(HttpMethod.Get, $"reporting/api/rest/v1/reportruns/{id}");
        small.Headers.AcceptEncoding.ParseAdd("gzip");
        using var smallResponse = await http.SendAsync(small);

        Assert.Equal("gzip", Assert.Single(largeResponse.Content.Headers.ContentEncoding));
        var inflated = new StreamReader(new GZipStream(await largeResponse.Content.ReadAsStreamAsync(), CompressionMode.Decompress)).ReadToEnd();
        Assert.Equal(40, System.Text.Json.JsonDocument.Parse(inflated).RootElement.GetProperty("response").GetArrayLength());
        Assert.Empty(smallResponse.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task The_track_id_is_echoed_and_an_invalid_one_is_refused()
    {
        using var http = await AuthorizedHttpAsync();
        using var ok = new HttpRequestMessage(HttpMethod.Get, "reporting/api/rest/v1/reportruns/none");
        ok.Headers.Add("Zuora-Track-Id", "batch-42");
        using var bad = new HttpRequestMessage(HttpMethod.Get, "reporting/api/rest/v1/reportruns/none");
        bad.Headers.Add("Zuora-Track-Id", "a:b");

        using var okResponse = await http.SendAsync(ok);
        using var badResponse = await http.SendAsync(bad);

        Assert.Equal("batch-42", okResponse.Headers.GetValues("Zuora-Track-Id").Single());
        Assert.Equal(HttpStatusCode.NotFound, okResponse.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badResponse.StatusCode);
    }

    [Fact]
    public async Task Every_row_of_a_report_streams_page_after_page_without_the_header_row()
    {
        var client = Client();
        var id = (await client.RunReportAsync(ZuoraSimulatedReport.ActiveAccounts.Id, ViewType.Detail, NoFilters)).Response.ReportRunId;
        _time.Advance(TimeSpan.FromMinutes(1));
        var rows = new System.Collections.Generic.List<string?>();

        await foreach (var row in client.GetReportDataRowsAsync(id, pageSize: 10)) rows.Add(row["Account.AccountNumber"].GetString());

        Assert.Equal(42, rows.Count); // 1 + 41 in the simulated report: five full pages and one of 2
        Assert.Equal("A00000001", rows[0]);
        Assert.Equal(rows.Count, rows.Distinct().Count());
        Assert.Equal(new[] { "1", "11", "21", "31", "41" }, _zuora.Requests.Where(r => r.Path.Contains("/reportdata/")).Select(r => System.Web.HttpUtility.ParseQueryString(r.Query)["offset"]).Take(5));
    }

    [Fact]
    public async Task Report_data_pages_start_with_the_header_row_and_the_export_is_csv()
    {
        var client = Client();
        var id = (await client.RunReportAsync(ZuoraSimulatedReport.ActiveAccounts.Id, ViewType.Detail, NoFilters)).Response.ReportRunId;
        Assert.Equal(400, (await Assert.ThrowsAnyAsync<ApiException>(() => client.GetReportDataAsync(id, 1, 10))).StatusCode);
        _time.Advance(TimeSpan.FromMinutes(1));

        var header = (await client.GetReportDataAsync(id, 0, 1)).Response!.Single();
        var first = (await client.GetReportDataAsync(id, 1, 10)).Response!;
        var last = (await client.GetReportDataAsync(id, 41, 10)).Response!;
        await using var file = await client.ExportReportRunAsync(id, pivoted: false);
        var csv = await file.ReadAsStringAsync();

        Assert.Equal("Account.Name", header["Account.Name"].GetString());
        Assert.Equal(10, first.Count);
        Assert.Equal("A00000001", first[0]["Account.AccountNumber"].GetString());
        Assert.Equal(2, last.Count);
        var lines = csv.TrimEnd('\n').Split('\n');
        Assert.Equal("Account.AccountNumber,Account.Name,Account.Status,Account.Currency,Account.Balance", lines[0]);
        Assert.Equal(43, lines.Length);
    }

    [Fact]
    public async Task Tokens_expire_on_the_simulator_clock_and_the_client_fetches_a_new_one()
    {
        var client = Client();
        await Assert.ThrowsAnyAsync<ApiException>(() => client.GetReportRunAsync("none")); // 404, with a token
        _time.Advance(_zuora.Options.TokenLifetime + TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAnyAsync<ApiException>(() => client.GetReportRunAsync("none"));

        Assert.Equal(404, error.StatusCode); // not 401: the expired token was replaced and the call replayed
        Assert.Equal(2, _zuora.Tokens.Issued);
        Assert.Contains(_zuora.Requests, r => r.StatusCode == 401);
    }

    [Fact]
    public async Task Wrong_client_credentials_are_refused_by_the_token_endpoint()
    {
        var error = await Assert.ThrowsAsync<TokenRequestException>(() => Client(secret: "wrong").GetReportRunAsync("x"));

        Assert.Equal(401, error.StatusCode);
        Assert.Contains("invalid_client", error.ResponseBody);
        Assert.Equal(0, _zuora.Tokens.Issued);
    }
}
