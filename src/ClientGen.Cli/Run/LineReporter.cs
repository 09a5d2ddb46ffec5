using System;
using System.Diagnostics;
using Spectre.Console;

namespace ClientGen.Cli.Run;

/// <summary>One line per event, for redirected output and CI logs where a live display cannot redraw.</summary>
internal sealed class LineReporter : IRunReporter
{
    private readonly IAnsiConsole _console;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly object _gate = new();

    public LineReporter(IAnsiConsole console) => _console = console;

    public void Report(string vendor, string message)
    {
        lock (_gate) _console.MarkupLine($"[grey]{_clock.Elapsed.TotalSeconds,6:0.0}s[/] [bold]{Markup.Escape(vendor),-11}[/] {Markup.Escape(message)}");
    }

    public void Finished(string vendor, bool succeeded) => Report(vendor, succeeded ? "done" : "ended without a result");
}
