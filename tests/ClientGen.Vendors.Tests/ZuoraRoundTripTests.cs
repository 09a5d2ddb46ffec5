using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using ClientGen.Runtime;
using ClientGen.Runtime.Generated;
using ClientGen.Zuora;
using Xunit;

namespace ClientGen.Vendors.Tests;

/// <summary>
/// The generated Zuora client against a real Kestrel server: the exact method, path, query, headers and
/// JSON body it sends, and that every documented response parses.
/// </summary>
public sealed class ZuoraRoundTripTests : IAsyncLifetime
{
    private RecordingServer _server = null!;
    private HttpClient _http = null!;
    private ZuoraReportingClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await RecordingServer.StartAsync();
        _http = new HttpClient();
        _client = new ZuoraReportingClient(_http, new ZuoraReportingClientOptions { BaseAddress = new Uri(_server.BaseUri, "/reporting/api/rest/v1") });
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private RecordedRequest OnlyRequest() => Assert.Single(_server.Requests);

    [Fact]
    public async Task Run_report_posts_the_filter_groups_with_view_type_and_headers()
    {
        _server.Responder = _ => CannedResponse.Json("""{"success":true,"response":{"reportRunId":"ff808081529f4e3401529fd61f080074"}}""");
        var filters = new[]
        {
            new FilterGroup
            {
                LogicalOperator = new LogicalOperator { Value = LogicalOperatorValue.And },
                FilterClauses = new[] { new FilterClause { Field = new FilterField { Id = "Account.Status", Type = "Text" }, Operator = "=", Value = "Active" } },
            },
        };

        var result = await _client.RunReportAsync("R-1", ViewType.Detail, filters, callOptions: new ApiCallOptions { IdempotencyKey = "key-1", Entity = "entity-9", TrackId = "track-42" });

        Assert.True(result.Success);
        Assert.Equal("ff808081529f4e3401529fd61f080074", result.Response.ReportRunId);
        var request = OnlyRequest();
        Assert.Equal("POST", request.Method);
        Assert.Equal("/reporting/api/rest/v1/reports/R-1/reportrun", request.Path);
        Assert.Equal("?viewType=Detail", request.Query);
        Assert.Equal("key-1", request.Headers["Idempotency-Key"]);
        Assert.Equal("entity-9", request.Headers["Zuora-Entity-Ids"]);
        Assert.Equal("track-42", request.Headers["Zuora-Track-Id"]);
        Assert.Equal("application/json", request.Headers["Content-Type"]);
        Assert.Equal("""[{"logicalOperator":{"value":"AND"},"filterClauses":[{"field":{"id":"Account.Status","type":"Text"},"operator":"=","value":"Active"}]}]""", request.Body);
    }

    [Fact]
    public async Task Run_report_generates_an_idempotency_key_when_the_caller_gives_none()
    {
        _server.Responder = _ => CannedResponse.Json("""{"success":true,"response":{"reportRunId":"r"}}""");

        await _client.RunReportAsync("R-1", ViewType.Summary, Array.Empty<FilterGroup>());

        var request = OnlyRequest();
        Assert.Equal("?viewType=Summary", request.Query);
        Assert.Matches("^[0-9a-f]{32}$", request.Headers["Idempotency-Key"]);
        Assert.Equal("[]", request.Body);
    }

    [Fact]
    public async Task Content_encoding_gzip_sends_a_gzipped_body()
    {
        _server.Responder = _ => CannedResponse.Json("""{"success":true,"response":{"reportRunId":"r"}}""");

        await _client.RunReportAsync("R-1", ViewType.Detail, Array.Empty<FilterGroup>(), callOptions: new ApiCallOptions { Headers = { ["Content-Encoding"] = "gzip" } });

        var request = OnlyRequest();
        Assert.Equal("gzip", request.Headers["Content-Encoding"]);
        Assert.Equal(0x1f, request.RawBody[0]);
        Assert.Equal(0x8b, request.RawBody[1]);
        Assert.Equal("[]", request.Body);
    }

    [Fact]
    public async Task Get_report_run_parses_the_documented_example()
    {
        _server.Responder = _ => CannedResponse.Json("""
            { "success": true, "response": { "reportType": "Detail", "id": "ff808081529f4e3401529fd61f080074", "reportId": "ff808081529f4e3401529fd373730070",
              "startedOn": 1453166692000, "status": "COMPLETED", "reportDefinition": "...", "updatedOn": 1453166695000 } }
            """);

        var run = (await _client.GetReportRunAsync("ff808081529f4e3401529fd61f080074")).Response;

        var request = OnlyRequest();
        Assert.Equal("GET", request.Method);
        Assert.Equal("/reporting/api/rest/v1/reportruns/ff808081529f4e3401529fd61f080074", request.Path);
        Assert.Equal(string.Empty, request.Query);
        Assert.Equal(ReportRunStatus.Completed, run.Status);
        Assert.True(run.Status.IsKnown);
        Assert.Equal(ViewType.Detail, run.ReportType);
        Assert.Equal(1453166692000L, run.StartedOn);
        Assert.Equal(1453166695000L, run.UpdatedOn);
        Assert.Equal("ff808081529f4e3401529fd373730070", run.ReportId);
        Assert.Equal("...", run.ReportDefinition);
    }

    [Fact]
    public async Task A_status_the_spec_does_not_list_is_kept_not_rejected_and_unknown_fields_survive()
    {
        _server.Responder = _ => CannedResponse.Json("""{"success":true,"response":{"id":"x","status":"ARCHIVED","newField":{"a":1}}}""");

        var run = (await _client.GetReportRunAsync("x")).Response;

        Assert.Equal("ARCHIVED", run.Status.Value);
        Assert.False(run.Status.IsKnown);
        Assert.Equal(1, run.AdditionalProperties!["newField"].GetProperty("a").GetInt32());
    }

    [Fact]
    public async Task Path_parameters_are_escaped_as_one_segment()
    {
        _server.Responder = _ => CannedResponse.Json("""{"success":true,"response":{"id":"a/b","status":"STARTED"}}""");

        await _client.GetReportRunAsync("a/b c");

        Assert.Equal("/reporting/api/rest/v1/reportruns/a%2Fb%20c", OnlyRequest().Path);
    }

    [Theory]
    [InlineData("The report run has been canceled")]
    [InlineData("The report run was canceled")]
    public async Task Cancel_report_run_sends_delete_and_parses_both_documented_answers(string message)
    {
        _server.Responder = _ => CannedResponse.Json($$"""{ "success" : true, "response" : "{{message}}" }""");

        var result = await _client.CancelReportRunAsync("ff808081527368d401527b24d20900d9");

        var request = OnlyRequest();
        Assert.Equal("DELETE", request.Method);
        Assert.Equal("/reporting/api/rest/v1/reportruns/ff808081527368d401527b24d20900d9", request.Path);
        Assert.True(result.Success);
        Assert.Equal(message, result.Response);
    }

    [Fact]
    public async Task Get_report_data_pages_with_offset_and_page_size()
    {
        _server.Responder = _ => CannedResponse.Json("""{"success":true,"response":[{"Account.Name":"Acme","Account.Balance":120.5},{"Account.Name":"Globex","Account.Balance":0}]}""");

        var data = await _client.GetReportDataAsync("run-1", offset: 1, pageSize: 200);

        var request = OnlyRequest();
        Assert.Equal("/reporting/api/rest/v1/reportruns/reportdata/run-1", request.Path);
        Assert.Equal("?offset=1&pageSize=200", request.Query);
        Assert.Equal(2, data.Response!.Count);
        Assert.Equal("Acme", data.Response[0]["Account.Name"].GetString());
        Assert.Equal(120.5, data.Response[0]["Account.Balance"].GetDouble());
    }

    [Fact]
    public async Task Export_report_run_streams_the_csv()
    {
        _server.Responder = _ => new CannedResponse(200, "text/csv", "Account.Name,Account.Status\nAcme,Active\n");

        await using var file = await _client.ExportReportRunAsync("run-1", pivoted: false);

        Assert.Equal("?pivoted=false", OnlyRequest().Query);
        Assert.Equal("/reporting/api/rest/v1/reportruns/export/run-1", OnlyRequest().Path);
        Assert.Equal("text/csv", file.ContentType);
        Assert.Equal("Account.Name,Account.Status\nAcme,Active\n", await file.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_last_completed_report_run_uses_the_report_id()
    {
        _server.Responder = _ => CannedResponse.Json("""{"success":true,"response":{"id":"run-7","status":"COMPLETED","reportId":"R-1","reportType":"Summary"}}""");

        var run = (await _client.GetLastCompletedReportRunAsync("R-1")).Response;

        Assert.Equal("/reporting/api/rest/v1/reports/R-1/reportruns/latest", OnlyRequest().Path);
        Assert.Equal("run-7", run.Id);
        Assert.Equal(ViewType.Summary, run.ReportType);
    }

    [Fact]
    public async Task List_report_runs_explodes_the_status_filter_and_posts_the_query()
    {
        _server.Responder = _ => CannedResponse.Json("""{"success":true,"response":[{"id":"a","status":"STARTED"},{"id":"b","status":"QUERYDATA"}]}""");
        var query = new ReportRunQuery
        {
            Columns = new[] { "reportId", "status" },
            Pagination = new ReportRunQueryPagination { CurrentPage = 1, PageSize = 250 },
            Sort = new[] { new ReportRunQuerySortItem { Field = "startedOn", Direction = ReportRunQuerySortItemDirection.Desc, Priority = 0 } },
        };

        var runs = await _client.ListReportRunsAsync(query, status: new[] { ReportRunStatus.Started, ReportRunStatus.Querydata, ReportRunStatus.Processingdata });

        var request = OnlyRequest();
        Assert.Equal("POST", request.Method);
        Assert.Equal("/reporting/api/rest/v1/reportruns", request.Path);
        Assert.Equal("?status=STARTED&status=QUERYDATA&status=PROCESSINGDATA", request.Query);
        Assert.Equal("""{"columns":["reportId","status"],"pagination":{"currentPage":1,"pageSize":250},"sort":[{"field":"startedOn","direction":"desc","priority":0}]}""", request.Body);
        Assert.Equal(new[] { "a", "b" }, runs.Response!.Select(r => r.Id));
        Assert.False(request.Headers.ContainsKey("Idempotency-Key"));
    }

    [Fact]
    public async Task Create_token_posts_a_form_to_the_token_endpoint_on_the_host_root()
    {
        _server.Responder = _ => CannedResponse.Json("""{"access_token":"tok","token_type":"bearer","expires_in":3599,"scope":"platform.write","jti":"j"}""");

        var token = await _client.CreateTokenAsync(new TokenRequest { ClientId = "id 1", ClientSecret = "s&cret", GrantType = TokenRequestGrantType.ClientCredentials });

        var request = OnlyRequest();
        Assert.Equal("POST", request.Method);
        Assert.Equal("/oauth/token", request.Path);
        Assert.StartsWith("application/x-www-form-urlencoded", request.Headers["Content-Type"]);
        Assert.Equal("client_id=id%201&client_secret=s%26cret&grant_type=client_credentials", request.Body);
        Assert.Equal("tok", token.AccessToken);
        Assert.Equal(3599, token.ExpiresIn);
    }

    [Fact]
    public async Task A_documented_error_status_throws_with_the_parsed_error_body()
    {
        _server.Responder = _ => CannedResponse.Json("""{"success":false,"reasons":[{"code":"50000040","message":"Cannot find entity"}],"processId":"P1"}""", 404);

        var error = await Assert.ThrowsAsync<ApiException<ErrorResponse>>(() => _client.GetReportRunAsync("missing"));

        Assert.Equal(404, error.StatusCode);
        Assert.Equal("getReportRun", error.OperationId);
        Assert.Equal("Cannot find entity", error.Error.Reasons![0].Message);
        Assert.Equal("P1", error.Error.ProcessId);
    }

    [Theory]
    [InlineData(409, true)]
    [InlineData(422, false)]
    public async Task Idempotency_conflicts_are_typed_errors_carrying_the_key(int status, bool inProgress)
    {
        _server.Responder = _ => CannedResponse.Json("""{"success":false,"message":"idempotency"}""", status);

        var error = await Assert.ThrowsAsync<IdempotencyException>(() => _client.RunReportAsync("R", ViewType.Detail, Array.Empty<FilterGroup>(), callOptions: new ApiCallOptions { IdempotencyKey = "k-9" }));

        Assert.Equal(status, error.StatusCode);
        Assert.Equal("k-9", error.IdempotencyKey);
        Assert.Equal(inProgress, error.IsInProgress);
        Assert.Contains("k-9", error.Message);
    }

    [Theory]
    [InlineData("""{"success":true,"response":{"id":"x","stat""")]
    [InlineData("<html>Bad gateway</html>")]
    [InlineData("")]
    [InlineData("""{"success":true}""")]
    public async Task A_malformed_or_truncated_success_body_is_a_clear_error(string body)
    {
        _server.Responder = _ => CannedResponse.Json(body);

        var error = await Assert.ThrowsAsync<ApiResponseFormatException>(() => _client.GetReportRunAsync("x"));

        Assert.Equal(200, error.StatusCode);
        Assert.Contains("getReportRun", error.Message);
        Assert.Equal(body, error.ResponseBody);
    }

    [Theory]
    [InlineData("has:colon")]
    [InlineData("has'quote")]
    [InlineData("naïve")]
    public async Task An_invalid_track_id_is_rejected_before_anything_is_sent(string trackId)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _client.GetReportRunAsync("x", callOptions: new ApiCallOptions { TrackId = trackId }));

        Assert.Contains("Zuora-Track-Id", error.Message);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task A_track_id_longer_than_64_characters_is_rejected()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _client.GetReportRunAsync("x", callOptions: new ApiCallOptions { TrackId = new string('a', 65) }));
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public void Environments_are_the_documented_servers_and_the_default_is_the_first()
    {
        Assert.Equal(new Uri("https://rest.zuora.com/reporting/api/rest/v1"), new ZuoraReportingClientOptions().EffectiveBaseAddress);
        Assert.Contains(ZuoraReportingClientEnvironments.All, e => e.BaseAddress == new Uri("https://rest.sandbox.eu.zuora.com/reporting/api/rest/v1"));
        Assert.Equal(10, ZuoraReportingClientEnvironments.All.Count);
    }

    [Fact]
    public void The_token_operation_uses_the_matching_environment_host()
    {
        var options = new ZuoraReportingClientOptions { Environment = ZuoraReportingClientEnvironments.ApiSandboxEuDataCenter };
        var core = new ApiClientCore(_http, options);
        var request = new ApiRequest(new ApiOperation("createToken", "POST", "/oauth/token")
        {
            Servers = new[] { new ApiEnvironment("ApiSandboxEuDataCenter", new Uri("https://rest.sandbox.eu.zuora.com")) },
        }, "/oauth/token");

        Assert.Equal(new Uri("https://rest.sandbox.eu.zuora.com/oauth/token"), core.ResolveUri(request));
    }
}
