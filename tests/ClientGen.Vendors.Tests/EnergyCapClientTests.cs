using System;
using System.Linq;
using System.Threading.Tasks;
using ClientGen.EnergyCap;
using ClientGen.Runtime.Polling;
using ClientGen.Runtime.Generated;
using ClientGen.Testing;
using Microsoft.Extensions.Time.Testing;
using ClientGen.Runtime;
using Xunit;

namespace ClientGen.Vendors.Tests;

/// <summary>The generated EnergyCAP client on the wire: API key, recipients override, and following a run to its end.</summary>
public sealed class EnergyCapClientTests : IAsyncLifetime
{
    private const string Log = """{"beginDate":"2026-03-30T10:00:00Z","numberOfRecipients":2,"reportDistribution":{"createdByUser":{"fullName":"Ada","userCode":"ADA","userId":1},"reportCode":"ECAP-BILLS","reportDistributionId":7,"reportDistributionName":"Monthly bills"},"reportDistributionLogId":42,"status":"STATUS"}""";
    private FaultServer _server = null!;
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UnixEpoch);

    public async Task InitializeAsync() => _server = await FaultServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private EnergyCapReportDistributionClient Client() => new(new EnergyCapReportDistributionClientOptions
    {
        BaseAddress = _server.BaseUri, // tenants differ: any host
        ApiKey = "eci-key-1",
        TimeProvider = _time,
    });

    [Fact]
    public async Task A_distribution_runs_with_the_api_key_and_recipients_override_and_is_followed_to_complete()
    {
        _server.On("/api/v202106/reportdistribution/7/exec", (context, _, _) => FaultServer.Json(context, Log.Replace("STATUS", "In Progress")));
        _server.On("/api/v202106/reportdistribution/log", (context, _, n) =>
            FaultServer.Json(context, "[" + Log.Replace("\"reportDistributionLogId\":42", "\"reportDistributionLogId\":41").Replace("STATUS", "Complete") + "," + Log.Replace("STATUS", n < 3 ? "In Progress" : "Complete") + "]"));

        var log = await FakeClock.RunAsync(_time, () => Client().ExecuteReportDistributionAndWaitAsync(7, new[] { 11, 12 }, waitOptions: new WaitOptions { Random = () => 1.0 }), () => _server.IsBusy);

        Assert.Equal(ReportDistributionStatus.Complete, log.Status);
        Assert.Equal(42, log.ReportDistributionLogId);
        var exec = _server.Seen.Single(r => r.Path.EndsWith("/exec"));
        Assert.Equal("POST", exec.Method);
        Assert.Equal("eci-key-1", exec.Headers["ECI-ApiKey"]);
        Assert.Equal("?overrideUserIds=11&overrideUserIds=12", exec.Query);
        Assert.All(_server.Seen.Where(r => r.Path.EndsWith("/log")), r => Assert.Equal("?includeInProgress=true", r.Query));
        Assert.Equal(3, _server.Count("/api/v202106/reportdistribution/log"));
        Assert.All(_server.Seen, r => Assert.Equal("eci-key-1", r.Headers["ECI-ApiKey"]));
    }

    [Fact]
    public async Task A_started_distribution_hands_out_a_handle_that_another_client_resumes_without_running_it_again()
    {
        _server.On("/api/v202106/reportdistribution/7/exec", (context, _, _) => FaultServer.Json(context, Log.Replace("STATUS", "In Progress")));
        _server.On("/api/v202106/reportdistribution/log", (context, _, n) => FaultServer.Json(context, "[" + Log.Replace("STATUS", n < 2 ? "In Progress" : "Complete") + "]"));
        OperationHandle? handle = null;
        using var stop = new System.Threading.CancellationTokenSource();
        var options = new WaitOptions { Random = () => 1.0, Started = h => { handle = h; stop.Cancel(); } };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => FakeClock.RunAsync(_time, () => Client().ExecuteReportDistributionAndWaitAsync(7, null, waitOptions: options, cancellationToken: stop.Token), () => _server.IsBusy));
        var restored = OperationHandle.Parse(handle!.ToJson());
        var log = await FakeClock.RunAsync(_time, () => Client().ResumeDistributionAsync(restored, new WaitOptions { Random = () => 1.0 }), () => _server.IsBusy);

        Assert.Equal("42", handle.Id);
        Assert.Equal(42, log.ReportDistributionLogId);
        Assert.Equal(ReportDistributionStatus.Complete, log.Status);
        Assert.Equal(1, _server.Count("/api/v202106/reportdistribution/7/exec"));
    }

    [Fact]
    public async Task A_listing_without_the_run_is_a_clear_error_that_names_it()
    {
        _server.On("/api/v202106/reportdistribution/log", (context, _, _) => FaultServer.Json(context, "[]"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => FakeClock.RunAsync(_time, () => Client().WaitForDistributionAsync(42), () => _server.IsBusy));

        Assert.Contains("42", error.Message);
    }

    [Fact]
    public async Task Your_own_HttpClient_still_sends_the_api_key_the_options_configure()
    {
        _server.On("/api/v202106/reportdistribution/log", (context, _, _) => FaultServer.Json(context, "[" + Log.Replace("STATUS", "Complete") + "]"));
        using var http = new System.Net.Http.HttpClient();
        var client = new EnergyCapReportDistributionClient(http, new EnergyCapReportDistributionClientOptions { BaseAddress = _server.BaseUri, ApiKey = "own-http-key" });

        await client.WaitForDistributionAsync(42);

        Assert.All(_server.Seen, r => Assert.Equal("own-http-key", r.Headers["ECI-ApiKey"]));
    }

    [Theory]
    [InlineData("Not sent")]
    [InlineData("Some reports not sent")]
    public async Task A_distribution_that_did_not_send_is_a_typed_failure(string status)
    {
        _server.On("/api/v202106/reportdistribution/log", (context, _, _) => FaultServer.Json(context, "[" + Log.Replace("STATUS", status) + "]"));

        var error = await Assert.ThrowsAsync<WaiterFailedException>(() => FakeClock.RunAsync(_time, () => Client().WaitForDistributionAsync(42), () => _server.IsBusy));

        Assert.Equal(status, error.Status);
    }

    [Fact]
    public void The_api_key_is_the_spec_security_scheme_and_servers_are_the_documented_environments()
    {
        Assert.Contains(EnergyCapReportDistributionClientOptions.ClientMetadata.SecuritySchemes, s => s.Kind == ApiSecuritySchemeKind.ApiKeyHeader && s.ParameterName == "ECI-ApiKey");
        Assert.Equal(new Uri("https://app.energycap.com"), new EnergyCapReportDistributionClientOptions().EffectiveBaseAddress);
        Assert.Contains(EnergyCapReportDistributionClientEnvironments.All, e => e.BaseAddress == new Uri("https://app-eu.energycap.com"));
        Assert.Equal(new Uri("https://app.fed-energycap.com"), EnergyCapReportDistributionClientEnvironments.FedRamp.BaseAddress);
    }
}
