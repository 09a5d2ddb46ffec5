using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace ClientGen.Contract.Tests;

/// <summary>
/// <c>prism mock --errors</c> serving one of our specs on 127.0.0.1: it answers with the spec's examples and
/// refuses (with its <c>sl-violations</c> header) any request the spec does not allow.
/// </summary>
public sealed class PrismServer : IAsyncDisposable
{
    private readonly Process _process;

    private PrismServer(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static string Repo(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ClientGen.sln"))) return Path.Combine([dir.FullName, .. parts]);
        }
        throw new InvalidOperationException("ClientGen.sln not found above " + AppContext.BaseDirectory);
    }

    public static async Task<PrismServer> StartAsync(string spec)
    {
        var prism = Repo("tests", "contract", "node_modules", ".bin", OperatingSystem.IsWindows() ? "prism.cmd" : "prism");
        if (!File.Exists(prism)) throw new InvalidOperationException($"Prism is not installed: run 'npm ci' in tests/contract (.ci/run does). Looked for {prism}.");
        var port = FreePort();
        var start = new ProcessStartInfo(prism, ["mock", "--errors", "-h", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), spec])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start Prism.");
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (log) log.AppendLine(e.Data);
            if (e.Data.Contains("Prism is listening", StringComparison.Ordinal)) listening.TrySetResult();
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null) lock (log) log.AppendLine(e.Data);
        };
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("Prism exited: " + log));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (await Task.WhenAny(listening.Task, Task.Delay(TimeSpan.FromSeconds(90))) != listening.Task)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("Prism did not start within 90 s: " + log);
        }
        await listening.Task;
        return new PrismServer(process, new Uri($"http://127.0.0.1:{port}/"));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
