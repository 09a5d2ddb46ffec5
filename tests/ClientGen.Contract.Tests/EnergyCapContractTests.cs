using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using ClientGen.EnergyCap;
using ClientGen.Runtime;
using ClientGen.Runtime.Http;
using Xunit;

namespace ClientGen.Contract.Tests;

/// <summary>The generated EnergyCAP client against Prism serving our EnergyCAP spec: valid requests, every documented response read.</summary>
public sealed class EnergyCapContractTests : IClassFixture<EnergyCapPrism>
{
    private readonly PrismServer _prism;

    public EnergyCapContractTests(EnergyCapPrism prism) => _prism = prism.Server;

    public static IEnumerable<object[]> Responses => SpecResponses.Of("specs", "energycap", "energycap-report-distribution.yaml");

    private static readonly Dictionary<string, Func<EnergyCapReportDistributionClient, Task<object?>>> Calls = new()
    {
        ["executeReportDistribution"] = async c => await c.ExecuteReportDistributionAsync(7, new[] { 11, 12 }),
        ["getReportDistributionLogs"] = async c => await c.GetReportDistributionLogsAsync(includeInProgress: true),
    };

    private (EnergyCapReportDistributionClient Client, ViolationRecorder Violations) Client(int? preferStatus = null)
    {
        var options = new EnergyCapReportDistributionClientOptions { BaseAddress = _prism.BaseAddress, ApiKey = "contract-key", Retry = new RetryOptions { MaxRetries = 0 } };
        if (preferStatus is { } status) options.DefaultHeaders["Prefer"] = $"code={status}";
        var recorder = new ViolationRecorder { InnerHandler = ApiPipeline.CreateHandler(options) };
        return (new EnergyCapReportDistributionClient(new HttpClient(recorder), options), recorder);
    }

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task Every_operation_sends_a_valid_request_and_reads_each_documented_response(string operationId, int status)
    {
        Assert.True(Calls.TryGetValue(operationId, out var call), $"The spec has an operation '{operationId}' with no contract call: add one.");
        var (client, recorder) = Client(status);

        await ContractAssert.RespondsAsDocumentedAsync<ErrorResponse>(status, () => call(client), recorder);
    }

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
        using var http = new HttpClient { BaseAddress = _prism.BaseAddress };

        using var response = await http.PostAsync("api/v202106/reportdistribution/7/exec", null);

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Contains("security", string.Join(" ", response.Headers.GetValues("sl-violations")));
    }
}
