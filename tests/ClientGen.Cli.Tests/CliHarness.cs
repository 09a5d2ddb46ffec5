using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Spectre.Console;

namespace ClientGen.Cli.Tests;

/// <summary>What one clientgen invocation printed and returned.</summary>
public sealed record CliResult(int ExitCode, string Output, string Error);

/// <summary>Runs clientgen in process with captured output, a plain (non-interactive, uncoloured) console and a given environment.</summary>
public static class CliHarness
{
    public static async Task<CliResult> RunAsync(string[] args, IReadOnlyDictionary<string, string>? variables = null, TextWriter? output = null, CancellationToken cancellationToken = default)
    {
        var stdout = output ?? new StringWriter();
        var stderr = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(stdout),
        });
        console.Profile.Width = 200;
        var code = await CliApp.InvokeAsync(args, stdout, stderr, console, name => variables is not null && variables.TryGetValue(name, out var value) ? value : null, cancellationToken);
        return new CliResult(code, stdout.ToString()!, stderr.ToString());
    }

    /// <summary>The repository root (where ClientGen.sln is).</summary>
    public static string Repo(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ClientGen.sln"))) return Path.Combine([dir.FullName, .. parts]);
        }
        throw new InvalidOperationException("ClientGen.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A writer that raises an event for each line written, so a test can act when the run reaches a step.</summary>
public sealed class WatchingWriter : StringWriter
{
    private readonly Action<string> _onLine;

    public WatchingWriter(Action<string> onLine) => _onLine = onLine;

    public override void WriteLine(string? value)
    {
        base.WriteLine(value);
        _onLine(value ?? string.Empty);
    }

    public override void Write(string? value)
    {
        base.Write(value);
        if (value is not null && value.Contains('\n', StringComparison.Ordinal)) _onLine(value);
    }
}
