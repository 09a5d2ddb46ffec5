using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using ClientGen.EnergyCap;
using ClientGen.Runtime.Polling;
using ClientGen.Simulators.EnergyCap;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ClientGen.Cli.Run;

/// <summary>EnergyCAP: exec a report distribution → polls of the distribution log until it is no longer "In Progress".</summary>
internal sealed class EnergyCapRunner : VendorRunner
{
    public override string Key => "energycap";

    public override string Vendor => "EnergyCAP";

    public override Func<IRunReporter, CancellationToken, Task<RunResult>> Prepare(RunSettings settings)
    {
        var apiKey = settings.Setting(settings.ApiKey, "ENERGYCAP_API_KEY");
        if (apiKey is null || settings.ForceSimulator)
        {
            var simulated = Distribution(settings.Report ?? "7");
            return async (reporter, ct) =>
            {
                await using var simulator = await EnergyCapSimulator.StartAsync(cancellationToken: ct).ConfigureAwait(false);
                if (settings.Faults) FaultPlans.EnergyCap(simulator.Faults);
                reporter.Report(Vendor, $"simulator listening at {simulator.BaseAddress}");
                var options = new EnergyCapReportDistributionClientOptions { BaseAddress = simulator.BaseAddress, ApiKey = simulator.Options.ApiKey };
                var result = await RunAsync(options, simulated, "simulator", true, reporter, ct).ConfigureAwait(false);
                return result with { SimulatorNote = SimulatorNote(Vendor, simulator.Faults, simulator.RunsStarted) };
            };
        }
        var distribution = Distribution(Require(settings.Setting(settings.Report, "ENERGYCAP_DISTRIBUTION_ID"), "ENERGYCAP_DISTRIBUTION_ID (or --report)"));
        var (environment, baseAddress) = ResolveEnvironment(settings.Setting(settings.Environment, "ENERGYCAP_ENVIRONMENT"), EnergyCapReportDistributionClientEnvironments.All, Vendor);
        var real = new EnergyCapReportDistributionClientOptions { ApiKey = apiKey, BaseAddress = baseAddress };
        if (environment is not null) real.Environment = environment;
        return (reporter, ct) => RunAsync(real, distribution, baseAddress?.Authority ?? real.Environment!.Name, false, reporter, ct);
    }

    private static int Distribution(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : throw new RunConfigurationException($"The EnergyCAP distribution id must be an integer, not '{value}'.");

    private async Task<RunResult> RunAsync(EnergyCapReportDistributionClientOptions options, int distributionId, string target, bool simulator, IRunReporter reporter, CancellationToken cancellationToken)
    {
        var client = new EnergyCapReportDistributionClient(options);
        var attempt = new RunAttempt(Vendor, target);
        return await RunTemplate.RunAsync(attempt, reporter, async () =>
        {
            reporter.Report(Vendor, $"running distribution {distributionId} (ECI-ApiKey)");
            var started = await client.ExecuteReportDistributionAsync(distributionId, cancellationToken: cancellationToken).ConfigureAwait(false);
            attempt.RunId = started.ReportDistributionLogId?.ToString(CultureInfo.InvariantCulture) ?? throw new InvalidOperationException("EnergyCAP returned no log id.");
            reporter.Report(Vendor, $"started log {attempt.RunId}: {started.Status?.Value}");
            var log = await client.WaitForDistributionAsync(started.ReportDistributionLogId.Value, Waiting(reporter, Vendor, simulator, _ => { }, cancelOnVendor: false), cancellationToken).ConfigureAwait(false);
            return attempt.Completed(log.Status?.Value ?? "(none)", Describe(log));
        },
        // EnergyCAP documents no way to stop a distribution that is sending.
        () => Task.FromResult(attempt.RunId is null ? "not started" : "stopped waiting (EnergyCAP cannot cancel a distribution)"),
        failed => failed.LastResponse is ReportDistributionLogResponse log ? Describe(log) : null,
        cancellationToken).ConfigureAwait(false);
    }

    private static IRenderable Describe(ReportDistributionLogResponse log)
    {
        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow("Distribution", Markup.Escape($"{log.ReportDistribution?.ReportDistributionName} ({log.ReportDistribution?.ReportCode})"));
        grid.AddRow("Recipients", (log.NumberOfRecipients ?? 0).ToString(CultureInfo.InvariantCulture));
        grid.AddRow("Began", Markup.Escape(log.BeginDate?.ToString("u", CultureInfo.InvariantCulture) ?? "-"));
        grid.AddRow("Ended", Markup.Escape(log.EndDate?.ToString("u", CultureInfo.InvariantCulture) ?? "-"));
        grid.AddRow("Status", Markup.Escape(log.Status?.Value ?? "-"));
        return grid;
    }
}
