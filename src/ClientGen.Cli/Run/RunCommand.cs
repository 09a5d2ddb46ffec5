using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Spectre.Console;

namespace ClientGen.Cli.Run;

/// <summary>
/// <c>clientgen run</c>: each chosen vendor's report run end to end through its generated client, concurrently,
/// with live progress, each run's result, and one summary table.
/// </summary>
internal static class RunCommand
{
    /// <summary>Every vendor, in the order of <c>run all</c>.</summary>
    public static IReadOnlyList<VendorRunner> Vendors { get; } = new VendorRunner[] { new ZuoraRunner(), new EnergyCapRunner(), new ZscalerRunner() };

    /// <returns>0 when every run succeeded; 1 when one failed or could not start; 130 when cancelled.</returns>
    public static async Task<int> ExecuteAsync(string vendor, RunSettings settings, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var runners = vendor == "all" ? Vendors : Vendors.Where(v => v.Key == vendor).ToList();
        List<(VendorRunner Runner, Func<IRunReporter, CancellationToken, Task<RunResult>> Run)> plans;
        try
        {
            if (vendor == "all" && (settings.Report ?? settings.ClientId ?? settings.ClientSecret ?? settings.ApiKey ?? settings.AccountId) is not null)
            {
                throw new RunConfigurationException("--report and credential options name one vendor's settings; with 'all', use each vendor's environment variables.");
            }
            plans = runners.Select(r => (r, r.Prepare(settings))).ToList();
        }
        catch (RunConfigurationException ex)
        {
            console.MarkupLine($"[red]error:[/] {Markup.Escape(ex.Message)}");
            return 1;
        }

        var names = plans.Select(p => p.Runner.Vendor).ToList();
        IReadOnlyList<RunResult> results;
        if (console.Profile.Capabilities.Interactive)
        {
            results = await console.Progress()
                .AutoClear(false)
                .Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ElapsedTimeColumn())
                .StartAsync(ctx => RunAllAsync(plans, new LiveReporter(ctx, names), cancellationToken)).ConfigureAwait(false);
        }
        else
        {
            results = await RunAllAsync(plans, new LineReporter(console), cancellationToken).ConfigureAwait(false);
        }

        foreach (var result in results.Where(r => r.Preview is not null))
        {
            console.Write(new Rule($"[bold]{Markup.Escape(result.Vendor)}[/] result").LeftJustified());
            console.Write(result.Preview!);
            console.WriteLine();
        }
        console.Write(Summary(results));
        foreach (var note in results.Select(r => r.SimulatorNote).OfType<string>()) console.MarkupLine($"[grey]{Markup.Escape(note)}[/]");
        if (results.Any(r => r.Cancelled)) return 130;
        return results.All(r => r.Succeeded) ? 0 : 1;
    }

    private static async Task<IReadOnlyList<RunResult>> RunAllAsync(IEnumerable<(VendorRunner Runner, Func<IRunReporter, CancellationToken, Task<RunResult>> Run)> plans, IRunReporter reporter, CancellationToken cancellationToken) =>
        await Task.WhenAll(plans.Select(p => Task.Run(() => p.Run(reporter, cancellationToken), CancellationToken.None))).ConfigureAwait(false);

    private static Table Summary(IEnumerable<RunResult> results)
    {
        var table = new Table().Title("[bold]Report runs[/]").AddColumns("Vendor", "Target", "Run id", "Final status", "Duration");
        foreach (var result in results)
        {
            var status = Markup.Escape(result.Status);
            table.AddRow(
                Markup.Escape(result.Vendor),
                Markup.Escape(result.Target),
                Markup.Escape(result.RunId ?? "-"),
                result.Succeeded ? $"[green]{status}[/]" : $"[red]{status}[/]",
                $"{result.Duration.TotalSeconds:0.0} s");
        }
        return table;
    }
}
