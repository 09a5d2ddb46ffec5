using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ClientGen.ZscalerUvm;
using Xunit;

namespace ClientGen.Generated.Tests;

/// <summary>The generated Zscaler UVM client runs a report to completion against graphql-dotnet executing our schema.</summary>
public sealed class ZscalerEndToEndTests : IAsyncLifetime
{
    private ZscalerGraphQlServer _server = null!;

    public async Task InitializeAsync() => _server = await ZscalerGraphQlServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_report_runs_to_completion_and_its_file_downloads()
    {
        var client = new ZscalerUvmReportingClient(new ZscalerUvmReportingClientOptions { BaseAddress = _server.Endpoint, AccountId = "acct-1" });

        var run = await client.RunReportAndWaitAsync("report-9", options: new ClientGen.Runtime.Polling.WaitOptions
        {
            Random = () => 0.0,
            Timeout = TimeSpan.FromSeconds(30),
        });
        using var file = new MemoryStream();
        await client.DownloadReportAsync("report-9", run.RunId!, file);

        Assert.Equal(ReportRunStatus.Completed, run.Status);
        Assert.StartsWith("report-9-run-", run.RunId);
        Assert.Equal("id,name\n1,Revenue\n", System.Text.Encoding.UTF8.GetString(file.ToArray()));
        Assert.Equal(new[] { "processReport", "getReportRunStatus", "getReportRunStatus", "getReportRunStatus" }, _server.OperationHeaders.Take(4));
    }
}
