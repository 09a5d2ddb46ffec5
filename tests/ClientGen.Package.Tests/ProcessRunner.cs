using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ClientGen.Package.Tests;

/// <summary>What a finished process said: its exit code and everything it wrote, in order.</summary>
public sealed record ProcessResult(string Command, int ExitCode, string Output)
{
    public string Describe() => $"`{Command}` exited {ExitCode}:{Environment.NewLine}{Tail(Output, 12000)}";

    private static string Tail(string text, int length) => text.Length <= length ? text : "…" + text[^length..];
}

/// <summary>
/// Runs dotnet (or a built binary) as a user's shell would. The test host's MSBuild variables are removed: a nested
/// dotnet that inherits them builds against the outer build's SDK state instead of starting clean.
/// </summary>
public static class ProcessRunner
{
    public static async Task<ProcessResult> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>()) start.Environment[key] = value;

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            lock (output) output.AppendLine($"[killed after {timeout}]");
        }
        process.WaitForExit(); // flushes the redirected streams
        var command = fileName + " " + string.Join(" ", start.ArgumentList);
        lock (output) return new ProcessResult(command, process.HasExited ? process.ExitCode : -1, output.ToString());
    }

    public static Task<ProcessResult> DotnetAsync(string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string?>? environment, params string[] arguments) =>
        RunAsync("dotnet", arguments, workingDirectory, timeout, environment);
}
