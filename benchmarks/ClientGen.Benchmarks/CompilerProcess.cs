using System.Diagnostics;
using System.Globalization;

namespace ClientGen.Benchmarks;

/// <summary>
/// The SDK's own C# compiler (<c>csc.dll</c>, ReadyToRun, as <c>dotnet build</c> runs it with
/// <c>UseSharedCompilation=false</c>) on a folder of sources, timed from outside with its peak resident memory.
/// In-process Roslyn from NuGet is JIT-compiled as it runs: on the same Stripe output it took 1.2× csc's time.
/// </summary>
internal static class CompilerProcess
{
    public sealed record Result(double Seconds, double PeakMegabytes, int Errors, string? FirstError);

    private static readonly Lazy<string> DotnetRoot = new(() =>
        // …/dotnet/shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", "..")));

    /// <summary>The reference assemblies of the framework this benchmark runs on, as a project targeting it compiles against.</summary>
    public static IReadOnlyList<string> FrameworkReferences()
    {
        var packs = Path.Combine(DotnetRoot.Value, "packs", "Microsoft.NETCore.App.Ref");
        var version = Directory.Exists(Path.Combine(packs, Environment.Version.ToString()))
            ? Environment.Version.ToString()
            : Directory.GetDirectories(packs).Select(Path.GetFileName).Max(StringComparer.Ordinal)!;
        var tfm = $"net{Environment.Version.Major}.{Environment.Version.Minor}";
        return Directory.GetFiles(Path.Combine(packs, version, "ref", tfm), "*.dll");
    }

    public static Result Compile(string sourceFolder, IEnumerable<string> references, string scratch)
    {
        var response = Path.Combine(scratch, Path.GetFileName(sourceFolder) + ".rsp");
        var lines = new List<string>
        {
            // A Release build's switches; warnings off, since only the time is compared.
            "/target:library", "/nologo", "/optimize+", "/deterministic+", "/nullable:enable", "/langversion:latest", "/warn:0",
            $"/out:\"{Path.Combine(scratch, Path.GetFileName(sourceFolder) + ".dll")}\"",
        };
        lines.AddRange(references.Select(r => $"/r:\"{r}\""));
        lines.AddRange(Directory.EnumerateFiles(sourceFolder, "*.cs", SearchOption.AllDirectories).Select(f => $"\"{f}\""));
        File.WriteAllLines(response, lines);

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(CscPath.Value);
        start.ArgumentList.Add("@" + response);
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errorOutput = process.StandardError.ReadToEndAsync();
        long peak = 0;
        while (!process.WaitForExit(50)) peak = Math.Max(peak, PeakBytes(process));
        watch.Stop();
        var errors = (output.Result + errorOutput.Result).Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal)).ToList();
        return new Result(watch.Elapsed.TotalSeconds, peak / 1e6, errors.Count, errors.FirstOrDefault()?.Trim());
    }

    // The SDK `dotnet build` would pick here (global.json included), asked once per run.
    private static readonly Lazy<string> CscPath = new(() =>
    {
        var sdk = new ProcessStartInfo("dotnet", "--version") { RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(sdk)!;
        var version = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return Path.Combine(DotnetRoot.Value, "sdk", version, "Roslyn", "bincore", "csc.dll");
    });

    // VmHWM is the kernel's own high-water mark of resident memory, so polling misses no peak between samples.
    private static long PeakBytes(Process process)
    {
        try
        {
            if (OperatingSystem.IsLinux())
            {
                var line = File.ReadLines($"/proc/{process.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
                if (line is not null) return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
            }
            process.Refresh();
            return process.PeakWorkingSet64;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            return 0; // exited between the check and the read
        }
    }
}
