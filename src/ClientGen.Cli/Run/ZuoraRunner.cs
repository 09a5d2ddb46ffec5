using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ClientGen.Runtime;
using ClientGen.Runtime.Auth;
using ClientGen.Runtime.Polling;
using ClientGen.Simulators.Zuora;
using ClientGen.Zuora;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ClientGen.Cli.Run;

/// <summary>
/// Zuora: token → Run a Report → polls of Get a Report Run until a final status → the first rows of Get Report Data.
/// Cancelling (Ctrl+C) cancels the run on Zuora.
/// </summary>
internal sealed class ZuoraRunner : VendorRunner
{
    public override string Key => "zuora";

    public override string Vendor => "Zuora";

    public override Func<IRunReporter, CancellationToken, Task<RunResult>> Prepare(RunSettings settings)
    {
        var clientId = settings.Setting(settings.ClientId, "ZUORA_CLIENT_ID");
        var viewType = new ViewType(settings.Setting(null, "ZUORA_VIEW_TYPE") ?? "Detail");
        if (clientId is null || settings.ForceSimulator)
        {
            return async (reporter, ct) =>
            {
                await using var simulator = await ZuoraSimulator.StartAsync(cancellationToken: ct).ConfigureAwait(false);
                if (settings.Faults) FaultPlans.Zuora(simulator.Faults);
                reporter.Report(Vendor, $"simulator listening at {simulator.BaseAddress}");
                var options = new ZuoraReportingClientOptions
                {
                    BaseAddress = simulator.BaseAddress,
                    ClientCredentials = new ClientCredentialsOptions { ClientId = simulator.Options.ClientId, ClientSecret = simulator.Options.ClientSecret },
                };
                var result = await RunAsync(options, settings.Report ?? ZuoraSimulatedReport.ActiveAccounts.Id, viewType, null, "simulator", true, settings, reporter, ct).ConfigureAwait(false);
                return result with { SimulatorNote = SimulatorNote(Vendor, simulator.Faults, simulator.RunIds.Count) };
            };
        }
        var secret = Require(settings.Setting(settings.ClientSecret, "ZUORA_CLIENT_SECRET"), "ZUORA_CLIENT_SECRET (or --client-secret)");
        var report = Require(settings.Setting(settings.Report, "ZUORA_REPORT_ID"), "ZUORA_REPORT_ID (or --report)");
        var (environment, baseAddress) = ResolveEnvironment(settings.Setting(settings.Environment, "ZUORA_ENVIRONMENT"), ZuoraReportingClientEnvironments.All, Vendor);
        var real = new ZuoraReportingClientOptions { ClientCredentials = new ClientCredentialsOptions { ClientId = clientId, ClientSecret = secret } };
        if (environment is not null) real.Environment = environment;
        real.BaseAddress = baseAddress;
        var entity = settings.Setting(null, "ZUORA_ENTITY_ID");
        return (reporter, ct) => RunAsync(real, report, viewType, entity, baseAddress?.Authority ?? real.Environment!.Name, false, settings, reporter, ct);
    }

    private async Task<RunResult> RunAsync(ZuoraReportingClientOptions options, string reportId, ViewType viewType, string? entity, string target, bool simulator, RunSettings settings, IRunReporter reporter, CancellationToken cancellationToken)
    {
        options.TokenCache = new TokenCache();
        var client = new ZuoraReportingClient(options);
        var attempt = new RunAttempt(Vendor, target);
        return await RunTemplate.RunAsync(attempt, reporter, async () =>
        {
            await AcquireTokenAsync(options, reporter, Vendor, cancellationToken).ConfigureAwait(false);
            reporter.Report(Vendor, $"running report {reportId} ({viewType.Value})");
            var wait = Waiting(reporter, Vendor, simulator, handle =>
            {
                attempt.RunId = handle.Id;
                reporter.Report(Vendor, $"started run {handle.Id}");
            }, cancelOnVendor: true);
            var run = (await client.RunReportAndWaitAsync(reportId, viewType, Array.Empty<FilterGroup>(), callOptions: new ApiCallOptions { Entity = entity }, waitOptions: wait, cancellationToken: cancellationToken).ConfigureAwait(false)).Response;
            attempt.RunId ??= run.Id;
            reporter.Report(Vendor, $"run {run.Status.Value}; reading the first {settings.Rows} rows");
            var page = await client.GetReportDataAsync(run.Id, 1, settings.Rows, callOptions: new ApiCallOptions { Entity = entity }, cancellationToken: cancellationToken).ConfigureAwait(false);
            return attempt.Completed(run.Status.Value, Rows(page.Response ?? Array.Empty<IReadOnlyDictionary<string, JsonElement>>()));
        }, async () =>
        {
            // The waiter has sent Cancel a Report Run; read back what Zuora now says, on a budget of our own.
            var status = attempt.RunId is null ? "not started" : await StatusAfterCancelAsync(client, attempt.RunId, entity).ConfigureAwait(false);
            reporter.Report(Vendor, attempt.RunId is null ? "cancelled before the run started" : $"cancelled; Zuora reports run {attempt.RunId} as {status}");
            return status;
        }, failurePreview: null, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<string> StatusAfterCancelAsync(ZuoraReportingClient client, string runId, string? entity)
    {
        using var budget = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            return (await client.GetReportRunAsync(runId, callOptions: new ApiCallOptions { Entity = entity }, cancellationToken: budget.Token).ConfigureAwait(false)).Response.Status.Value;
        }
        catch (Exception ex) when (IsRunFailure(ex) || ex is OperationCanceledException)
        {
            return "cancel requested";
        }
    }

    private static IRenderable Rows(IReadOnlyList<IReadOnlyDictionary<string, JsonElement>> rows)
    {
        if (rows.Count == 0) return new Text("(no rows)");
        var table = new Table().Border(TableBorder.Simple);
        var columns = rows[0].Keys.ToList();
        foreach (var column in columns) table.AddColumn(Markup.Escape(column));
        foreach (var row in rows) table.AddRow(columns.Select(c => Markup.Escape(row.TryGetValue(c, out var v) ? (v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText()) : string.Empty)).ToArray());
        return table;
    }
}
