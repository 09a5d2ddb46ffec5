using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using ClientGen.EnergyCap;
using ClientGen.Runtime;
using ClientGen.Runtime.Auth;
using ClientGen.Runtime.Http;
using ClientGen.Simulators.EnergyCap;
using ClientGen.Simulators.Faults;
using ClientGen.Simulators.Zscaler;
using ClientGen.Simulators.Zuora;
using ClientGen.ZscalerUvm;
using ClientGen.Zuora;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ClientGen.Simulators.Tests;

/// <summary>Injected faults look like the real thing to the generated clients, and the clients survive the ones they should.</summary>
public sealed class FaultInjectionTests
{
    private static readonly RetryOptions FastRetries = new() { BaseDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(100) };

    private static ZuoraReportingClient Zuora(ZuoraSimulator zuora) => new(new ZuoraReportingClientOptions
    {
        BaseAddress = zuora.BaseAddress,
        ClientCredentials = new ClientCredentialsOptions { ClientId = zuora.Options.ClientId, ClientSecret = zuora.Options.ClientSecret },
        TokenCache = new TokenCache(),
        Retry = FastRetries,
    });

    private static ZscalerUvmReportingClient Zscaler(ZscalerSimulator zscaler) => new(new ZscalerUvmReportingClientOptions
    {
        BaseAddress = zscaler.BaseAddress,
        AccountId = zscaler.Options.AccountId,
        ClientCredentials = new ClientCredentialsOptions { ClientId = zscaler.Options.ClientId, ClientSecret = zscaler.Options.ClientSecret },
        TokenCache = new TokenCache(),
        Retry = FastRetries,
    });

    [Fact]
    public async Task A_lost_run_report_response_is_retried_with_its_idempotency_key_and_starts_one_run()
    {
        await using var zuora = await ZuoraSimulator.StartAsync();
        zuora.Faults.Add(Fault.DropResponse("/reportrun"));

        var runId = (await Zuora(zuora).RunReportAsync(ZuoraSimulatedReport.ActiveAccounts.Id, ViewType.Detail, Array.Empty<FilterGroup>())).Response.ReportRunId;

        Assert.Equal(runId, Assert.Single(zuora.RunIds));
        var posts = zuora.Requests.Where(r => r.Path.EndsWith("/reportrun", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, posts.Count);
        Assert.Equal(0, posts[0].StatusCode); // the dropped one
        Assert.Equal(posts[0].Headers["Idempotency-Key"], posts[1].Headers["Idempotency-Key"]);
    }

    [Fact]
    public async Task A_429_with_retry_after_is_waited_out_even_for_a_post_without_an_idempotency_key()
    {
        await using var energyCap = await EnergyCapSimulator.StartAsync();
        energyCap.Faults.Add(Fault.TooManyRequests(TimeSpan.FromSeconds(1), "/exec"));
        var client = new EnergyCapReportDistributionClient(new EnergyCapReportDistributionClientOptions { BaseAddress = energyCap.BaseAddress, ApiKey = energyCap.Options.ApiKey, Retry = FastRetries });

        var log = await client.ExecuteReportDistributionAsync(7);

        Assert.Equal(ReportDistributionStatus.InProgress, log.Status);
        Assert.Equal(1, energyCap.RunsStarted);
        Assert.Equal(new[] { 429, 200 }, energyCap.Requests.Select(r => r.StatusCode));
        Assert.Equal(FaultKind.TooManyRequests, Assert.Single(energyCap.Faults.Injected).Fault.Kind);
    }

    [Fact]
    public async Task A_server_error_on_a_mutation_is_not_repeated_but_on_a_query_it_is()
    {
        await using var zscaler = await ZscalerSimulator.StartAsync();
        var client = Zscaler(zscaler);
        zscaler.Faults.Add(Fault.ServerError(503, "processReport"));

        var refused = await Assert.ThrowsAnyAsync<ApiException>(() => client.ProcessReportAsync("vulnerability-summary", isPresignedUrl: true));
        var runId = (await client.ProcessReportAsync("vulnerability-summary", isPresignedUrl: true)).GetDataOrThrow().ProcessReport!.RunId!;
        zscaler.Faults.Add(Fault.ServerError(502, "getReportRunStatus"), times: 2).Add(Fault.DropConnection("getReportRunStatus"));
        var status = (await client.GetReportRunStatusAsync("vulnerability-summary", runId)).GetDataOrThrow().GetReportRunStatus!;

        Assert.Equal(503, refused.StatusCode);
        Assert.Equal(1, zscaler.RunsStarted);
        Assert.Equal(ZscalerUvm.ReportRunStatus.Running, status.Status);
        Assert.Equal(0, zscaler.Faults.Pending);
    }

    [Fact]
    public async Task An_expired_token_is_refused_with_401_and_the_client_gets_a_new_one()
    {
        await using var zscaler = await ZscalerSimulator.StartAsync();
        var client = Zscaler(zscaler);
        await client.ProcessReportAsync("vulnerability-summary");
        zscaler.Faults.Add(Fault.ExpiredToken());

        var second = await client.ProcessReportAsync("vulnerability-summary");

        Assert.NotNull(second.GetDataOrThrow().ProcessReport!.RunId);
        Assert.Equal(2, zscaler.Tokens.Issued);
        Assert.Equal(2, zscaler.RunsStarted);
        Assert.Contains(zscaler.Requests, r => r.StatusCode == 401);
    }

    [Fact]
    public async Task Latency_holds_every_api_request_for_the_configured_time_on_the_simulator_clock()
    {
        var time = new FakeTimeProvider();
        // A bare GET carries no Content-Type; this test is about latency, not EnergyCAP's header rule.
        await using var energyCap = await EnergyCapSimulator.StartAsync(new EnergyCapSimulatorOptions { TimeProvider = time, RequireJsonContentType = false });
        energyCap.Faults.Latency = TimeSpan.FromSeconds(3);
        using var http = new HttpClient { BaseAddress = energyCap.BaseAddress };
        http.DefaultRequestHeaders.Add("ECI-ApiKey", energyCap.Options.ApiKey);

        var pending = http.GetAsync("/api/v202106/reportdistribution/log");
        while (!energyCap.IsBusy) await Task.Delay(5);
        await Task.Delay(50);
        var heldBeforeTheClockMoved = !pending.IsCompleted;
        time.Advance(TimeSpan.FromSeconds(3));
        using var response = await pending;

        Assert.True(heldBeforeTheClockMoved);
        Assert.True(response.IsSuccessStatusCode);
    }

    [Fact]
    public void A_server_error_fault_must_be_a_5xx_status() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Fault.ServerError(404));
}
