using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ClientGen.Simulators.Zuora;
using Xunit;

namespace ClientGen.Cli.Tests;

/// <summary>clientgen run: all three vendors end to end against the simulators, with and without faults; real-credential settings; Ctrl+C.</summary>
public sealed class RunCommandTests : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("clientgen-run-").FullName;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    private static string SummaryRow(string output, string vendor) =>
        output.Split('\n').Single(l => l.StartsWith("│ " + vendor + " ", StringComparison.Ordinal) || l.StartsWith("| " + vendor + " ", StringComparison.Ordinal));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Run_all_completes_every_vendor_against_the_simulators_and_prints_one_summary(bool faults)
    {
        string[] args = faults ? ["run", "all", "--out", _out, "--faults"] : ["run", "all", "--out", _out];

        var result = await CliHarness.RunAsync(args);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("COMPLETED", SummaryRow(result.Output, "Zuora"));
        Assert.Contains("Complete", SummaryRow(result.Output, "EnergyCAP"));
        Assert.Contains("Completed", SummaryRow(result.Output, "Zscaler UVM"));
        Assert.Contains("A00000001", result.Output); // Zuora's first data row
        Assert.Contains("Monthly bills (ECAP-BILLS)", result.Output);
        var file = Assert.Single(Directory.GetFiles(_out, "zscaler-*.csv"));
        Assert.StartsWith("asset,finding,severity,status", File.ReadAllText(file));
        // Whatever was injected, every vendor started exactly one run: no retry started a second.
        var notes = result.Output.Split('\n').Where(l => l.Contains(" simulator: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, notes.Count);
        Assert.All(notes, n => Assert.Contains("1 run(s) started", n));
        Assert.All(notes, n => Assert.Equal(faults, !n.Contains(" 0 fault(s)", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Real_credentials_from_the_environment_target_the_named_environment()
    {
        // A "real" Zuora tenant here is a simulator reached through --environment's URL with credentials from variables.
        await using var tenant = await ZuoraSimulator.StartAsync(new ZuoraSimulatorOptions { PhaseDuration = TimeSpan.FromMilliseconds(200) });
        var variables = new Dictionary<string, string>
        {
            ["ZUORA_CLIENT_ID"] = tenant.Options.ClientId,
            ["ZUORA_CLIENT_SECRET"] = tenant.Options.ClientSecret,
            ["ZUORA_REPORT_ID"] = ZuoraSimulatedReport.ActiveAccounts.Id,
        };

        var result = await CliHarness.RunAsync(["run", "zuora", "--environment", tenant.BaseAddress.ToString(), "--rows", "2"], variables);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("127.0.0.1", SummaryRow(result.Output, "Zuora"));
        Assert.Single(tenant.RunIds);
        Assert.DoesNotContain(" simulator: ", result.Output);
        Assert.Contains("A00000002", result.Output);
        Assert.DoesNotContain("A00000003", result.Output);
    }

    [Theory]
    [InlineData("ZUORA_CLIENT_ID", "zuora", "ZUORA_CLIENT_SECRET")]
    [InlineData("ENERGYCAP_API_KEY", "energycap", "ENERGYCAP_DISTRIBUTION_ID")]
    [InlineData("ZSCALER_CLIENT_ID", "zscaler", "ZSCALER_CLIENT_SECRET")]
    public async Task Incomplete_credentials_fail_before_anything_is_sent_and_name_what_is_missing(string given, string vendor, string missing)
    {
        var result = await CliHarness.RunAsync(["run", vendor], new Dictionary<string, string> { [given] = "x" });

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(missing, result.Output);
        Assert.DoesNotContain("Final status", result.Output);
    }

    [Fact]
    public async Task An_unknown_environment_lists_the_spec_environments()
    {
        var variables = new Dictionary<string, string> { ["ZSCALER_CLIENT_ID"] = "id", ["ZSCALER_CLIENT_SECRET"] = "s", ["ZSCALER_ACCOUNT_ID"] = "a", ["ZSCALER_REPORT_ID"] = "r" };

        var result = await CliHarness.RunAsync(["run", "zscaler", "--environment", "mars"], variables);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no environment 'mars'", result.Output);
        Assert.Contains("Use one of: Us, Eu", result.Output);
    }

    [Fact]
    public async Task Ctrl_c_cancels_the_zuora_run_on_zuora()
    {
        await using var tenant = await ZuoraSimulator.StartAsync(new ZuoraSimulatorOptions { PhaseDuration = TimeSpan.FromMinutes(10) });
        var variables = new Dictionary<string, string>
        {
            ["ZUORA_CLIENT_ID"] = tenant.Options.ClientId,
            ["ZUORA_CLIENT_SECRET"] = tenant.Options.ClientSecret,
            ["ZUORA_REPORT_ID"] = ZuoraSimulatedReport.ActiveAccounts.Id,
        };
        using var ctrlC = new CancellationTokenSource();
        var output = new WatchingWriter(line =>
        {
            if (line.Contains("status STARTED", StringComparison.Ordinal)) ctrlC.Cancel();
        });

        var result = await CliHarness.RunAsync(["run", "zuora", "--environment", tenant.BaseAddress.ToString()], variables, output, ctrlC.Token);

        Assert.Equal(130, result.ExitCode);
        var runId = Assert.Single(tenant.RunIds);
        Assert.Equal("CANCELLED", tenant.StatusOf(runId));
        Assert.Contains(tenant.Requests, r => r.Method == "DELETE" && r.Path.EndsWith(runId, StringComparison.Ordinal));
        Assert.Contains("CANCELLED", SummaryRow(result.Output, "Zuora"));
    }

    [Fact]
    public async Task A_vendor_that_is_not_known_is_a_usage_error()
    {
        var result = await CliHarness.RunAsync(["run", "salesforce"]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("salesforce", result.Error);
    }
}
