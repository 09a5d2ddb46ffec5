using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ClientGen.Runtime.Auth;
using ClientGen.Runtime.Polling;
using ClientGen.Simulators.Zscaler;
using ClientGen.ZscalerUvm;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ClientGen.Cli.Run;

/// <summary>Zscaler UVM: token → processReport (presigned) → polls of getReportRunStatus → the file downloaded from its link.</summary>
internal sealed class ZscalerRunner : VendorRunner
{
    public override string Key => "zscaler";

    public override string Vendor => "Zscaler UVM";

    public override Func<IRunReporter, CancellationToken, Task<RunResult>> Prepare(RunSettings settings)
    {
        var clientId = settings.Setting(settings.ClientId, "ZSCALER_CLIENT_ID");
        if (clientId is null || settings.ForceSimulator)
        {
            return async (reporter, ct) =>
            {
                await using var simulator = await ZscalerSimulator.StartAsync(cancellationToken: ct).ConfigureAwait(false);
                if (settings.Faults) FaultPlans.Zscaler(simulator.Faults);
                reporter.Report(Vendor, $"simulator listening at {simulator.BaseAddress}");
                var options = new ZscalerUvmReportingClientOptions
                {
                    BaseAddress = simulator.BaseAddress,
                    AccountId = simulator.Options.AccountId,
                    ClientCredentials = new ClientCredentialsOptions { ClientId = simulator.Options.ClientId, ClientSecret = simulator.Options.ClientSecret },
                };
                var result = await RunAsync(options, settings.Report ?? "vulnerability-summary", "simulator", true, settings, reporter, ct).ConfigureAwait(false);
                return result with { SimulatorNote = SimulatorNote(Vendor, simulator.Faults, simulator.RunsStarted) };
            };
        }
        var secret = Require(settings.Setting(settings.ClientSecret, "ZSCALER_CLIENT_SECRET"), "ZSCALER_CLIENT_SECRET (or --client-secret)");
        var account = Require(settings.Setting(settings.AccountId, "ZSCALER_ACCOUNT_ID"), "ZSCALER_ACCOUNT_ID (or --account-id)");
        var report = Require(settings.Setting(settings.Report, "ZSCALER_REPORT_ID"), "ZSCALER_REPORT_ID (or --report)");
        var (environment, baseAddress) = ResolveEnvironment(settings.Setting(settings.Environment, "ZSCALER_ENVIRONMENT"), ZscalerUvmReportingClientEnvironments.All, Vendor);
        var real = new ZscalerUvmReportingClientOptions { AccountId = account, BaseAddress = baseAddress, ClientCredentials = new ClientCredentialsOptions { ClientId = clientId, ClientSecret = secret } };
        if (environment is not null) real.Environment = environment;
        return (reporter, ct) => RunAsync(real, report, baseAddress?.Authority ?? real.Environment!.Name, false, settings, reporter, ct);
    }

    private async Task<RunResult> RunAsync(ZscalerUvmReportingClientOptions options, string reportId, string target, bool simulator, RunSettings settings, IRunReporter reporter, CancellationToken cancellationToken)
    {
        options.TokenCache = new TokenCache();
        var client = new ZscalerUvmReportingClient(options);
        var attempt = new RunAttempt(Vendor, target);
        return await RunTemplate.RunAsync(attempt, reporter, async () =>
        {
            await AcquireTokenAsync(options, reporter, Vendor, cancellationToken).ConfigureAwait(false);
            reporter.Report(Vendor, $"exporting report {reportId} with a presigned link");
            var wait = Waiting(reporter, Vendor, simulator, handle =>
            {
                attempt.RunId = handle.Id;
                reporter.Report(Vendor, $"started run {handle.Id}");
            }, cancelOnVendor: false);
            var run = (await client.ProcessReportAndWaitAsync(reportId, isPresignedUrl: true, waitOptions: wait, cancellationToken: cancellationToken).ConfigureAwait(false)).GetReportRunStatus!;
            attempt.RunId ??= run.RunId;
            var path = Path.Combine(settings.Output.FullName, $"zscaler-{reportId}-{attempt.RunId}.csv");
            Directory.CreateDirectory(settings.Output.FullName);
            reporter.Report(Vendor, $"run {run.Status?.Value}; downloading to {path}");
            var bytes = await client.DownloadReportToFileAsync(reportId, attempt.RunId!, path, cancellationToken: cancellationToken).ConfigureAwait(false);
            return attempt.Completed(run.Status?.Value ?? "(none)", FilePreview(path, bytes, settings.Rows));
        },
        // Zscaler documents no cancel operation: the export finishes on its own.
        () => Task.FromResult(attempt.RunId is null ? "not started" : "stopped waiting (Zscaler cannot cancel an export)"),
        failurePreview: null,
        cancellationToken).ConfigureAwait(false);
    }

    private static IRenderable FilePreview(string path, long bytes, int lines)
    {
        var head = File.ReadLines(path).Take(lines + 1).Select(Markup.Escape);
        return new Rows(new Markup($"[bold]{Markup.Escape(path)}[/] ({bytes} bytes)"), new Markup(string.Join('\n', head)));
    }
}
