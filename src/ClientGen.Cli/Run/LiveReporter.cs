using System.Collections.Generic;
using Spectre.Console;

namespace ClientGen.Cli.Run;

/// <summary>A live line per vendor (spinner, latest step, elapsed time) for an interactive terminal.</summary>
internal sealed class LiveReporter : IRunReporter
{
    private readonly ProgressContext _context;
    private readonly Dictionary<string, ProgressTask> _tasks = new();
    private readonly object _gate = new();

    public LiveReporter(ProgressContext context, IEnumerable<string> vendors)
    {
        _context = context;
        foreach (var vendor in vendors) _tasks[vendor] = context.AddTask(Describe(vendor, "waiting"), maxValue: 1).IsIndeterminate();
    }

    public void Report(string vendor, string message)
    {
        lock (_gate) _tasks[vendor].Description = Describe(vendor, message);
        _context.Refresh();
    }

    public void Finished(string vendor, bool succeeded)
    {
        lock (_gate)
        {
            var task = _tasks[vendor];
            task.Description = Describe(vendor, succeeded ? "[green]done[/]" : "[red]ended without a result[/]", escape: false);
            task.IsIndeterminate = false;
            task.Value = task.MaxValue;
            task.StopTask();
        }
    }

    private static string Describe(string vendor, string message, bool escape = true) =>
        $"[bold]{Markup.Escape(vendor),-11}[/] {(escape ? Markup.Escape(message) : message)}";
}
