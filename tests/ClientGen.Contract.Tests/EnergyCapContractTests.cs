using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using ClientGen.EnergyCap;
using Xunit;

namespace ClientGen.Contract.Tests;

/// <summary>The generated EnergyCAP client against Prism serving our EnergyCAP spec: valid requests, every documented response read.</summary>
public sealed class EnergyCapContractTests : VendorContractTests<EnergyCapReportDistributionClient, EnergyCapReportDistributionClientOptions, ErrorResponse>, IClassFixture<EnergyCapPrism>
{
    public EnergyCapContractTests(EnergyCapPrism prism)
        : base(prism.Server)
    {
    }

    public static IEnumerable<object[]> Responses => SpecResponses.Of("specs", "energycap", "energycap-report-distribution.yaml");

    private static readonly Dictionary<string, Func<EnergyCapReportDistributionClient, Task<object?>>> s_calls = new()
    {
        ["executeReportDistribution"] = async c => await c.ExecuteReportDistributionAsync(7, new[] { 11, 12 }),
        ["getReportDistributionLogs"] = async c => await c.GetReportDistributionLogsAsync(includeInProgress: true),
    };

    protected override IReadOnlyDictionary<string, Func<EnergyCapReportDistributionClient, Task<object?>>> Calls => s_calls;

    protected override EnergyCapReportDistributionClientOptions NewOptions() => new() { ApiKey = "contract-key" };

    protected override EnergyCapReportDistributionClient NewClient(HttpClient http, EnergyCapReportDistributionClientOptions options) => new(http, options);

    [Fact]
    public async Task The_exec_example_is_read_into_the_typed_log()
    {
        var (client, recorder) = Client();

        var log = await client.ExecuteReportDistributionAsync(7);

        Assert.Equal(ReportDistributionStatus.InProgress, log.Status);
        Assert.Equal(42, log.ReportDistributionLogId);
        Assert.Equal("Ada Admin", log.ReportDistribution!.CreatedByUser!.FullName);
        Assert.Null(log.EndDate);
        Assert.Empty(recorder.Violations);
    }

    [Fact]
    public async Task A_request_without_the_api_key_is_a_violation()
    {
        using var http = new HttpClient { BaseAddress = Prism.BaseAddress };

        using var response = await http.PostAsync("api/v202106/reportdistribution/7/exec", null);

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Contains("security", string.Join(" ", response.Headers.GetValues("sl-violations")));
    }
}
