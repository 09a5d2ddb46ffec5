using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using ClientGen.Runtime;
using ClientGen.Zuora;
using Xunit;

namespace ClientGen.Contract.Tests;

/// <summary>
/// The generated Zuora client against Prism serving our Zuora spec: every operation's request passes Prism's
/// validation, and every documented status's example response is read (success typed, errors as typed exceptions).
/// </summary>
public sealed class ZuoraContractTests : VendorContractTests<ZuoraReportingClient, ZuoraReportingClientOptions, ErrorResponse>, IClassFixture<ZuoraPrism>
{
    private const string RunId = "ff808081529f4e3401529fd61f080074";
    private const string ReportId = "ff808081529f4e3401529fd373730070";
    public ZuoraContractTests(ZuoraPrism prism)
        : base(prism.Server)
    {
    }

    public static IEnumerable<object[]> Responses => SpecResponses.Of("specs", "zuora", "zuora-reporting.yaml");

    private static readonly FilterGroup[] Filters =
    {
        new()
        {
            LogicalOperator = new LogicalOperator { Value = LogicalOperatorValue.And },
            FilterClauses = new[] { new FilterClause { Field = new FilterField { Id = "Account.Status", Type = "Text" }, Operator = "=", Value = "Active" } },
        },
    };

    private static readonly Dictionary<string, Func<ZuoraReportingClient, Task<object?>>> s_calls = new()
    {
        ["runReport"] = async c => await c.RunReportAsync(ReportId, ViewType.Detail, Filters, callOptions: new ApiCallOptions { TrackId = "contract-run", Entity = "entity-1" }),
        ["getReportRun"] = async c => await c.GetReportRunAsync(RunId, callOptions: new ApiCallOptions { TrackId = "contract-get" }),
        ["cancelReportRun"] = async c => await c.CancelReportRunAsync(RunId),
        ["getReportData"] = async c => await c.GetReportDataAsync(RunId, 1, 25),
        ["exportReportRun"] = async c =>
        {
            await using var file = await c.ExportReportRunAsync(RunId, pivoted: false);
            return await file.ReadAsStringAsync();
        },
        ["getLastCompletedReportRun"] = async c => await c.GetLastCompletedReportRunAsync(ReportId),
        ["listReportRuns"] = async c => await c.ListReportRunsAsync(
            new ReportRunQuery { Columns = new[] { "reportId", "status" }, Pagination = new ReportRunQueryPagination { CurrentPage = 1, PageSize = 250 } },
            status: new[] { ReportRunStatus.Started, ReportRunStatus.Querydata }),
        ["createToken"] = async c => await c.CreateTokenAsync(new TokenRequest { ClientId = "id", ClientSecret = "secret", GrantType = TokenRequestGrantType.ClientCredentials }),
    };

    protected override IReadOnlyDictionary<string, Func<ZuoraReportingClient, Task<object?>>> Calls => s_calls;

    protected override ZuoraReportingClientOptions NewOptions() => new() { BearerToken = "contract-token" };

    protected override ZuoraReportingClient NewClient(HttpClient http, ZuoraReportingClientOptions options) => new(http, options);

    [Fact]
    public async Task The_success_examples_are_read_into_typed_results()
    {
        var (client, recorder) = Client();

        var started = await client.RunReportAsync(ReportId, ViewType.Summary, Array.Empty<FilterGroup>());
        var run = (await client.GetReportRunAsync(RunId)).Response;
        var rows = (await client.GetReportDataAsync(RunId, 1, 10)).Response!;
        var token = await client.CreateTokenAsync(new TokenRequest { ClientId = "id", ClientSecret = "secret", GrantType = TokenRequestGrantType.ClientCredentials });

        Assert.Equal(RunId, started.Response.ReportRunId);
        Assert.Equal(ReportRunStatus.Completed, run.Status);
        Assert.Equal(1453166695000L, run.UpdatedOn);
        Assert.Equal("Acme", rows[0]["Account.Name"].GetString());
        Assert.Equal(3599, token.ExpiresIn);
        Assert.Empty(recorder.Violations);
    }

    [Fact]
    public async Task Prism_refuses_a_request_the_spec_does_not_allow_so_these_tests_can_fail()
    {
        using var http = new HttpClient { BaseAddress = Prism.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"reportruns/reportdata/{RunId}?offset=-1&pageSize=0");
        request.Headers.Add("Authorization", "Bearer t");

        using var response = await http.SendAsync(request);

        Assert.Equal(422, (int)response.StatusCode);
        Assert.Contains("offset", await response.Content.ReadAsStringAsync()); // Prism's problem+json lists each violation
    }
}
