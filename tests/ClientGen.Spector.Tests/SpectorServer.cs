using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading.Tasks;
using ClientGen.Spector.Tests.Scenarios;
using Xunit;

namespace ClientGen.Spector.Tests;

/// <summary>
/// Spector's mock server (<c>tsp-spector serve</c> over @typespec/http-specs), on a free loopback port for the test run. It
/// answers only requests that match a scenario exactly. It runs where npm installed it, inside this repository, because
/// it asks git for the commit of the specs folder; <c>localhost.cjs</c> keeps it off every interface but loopback.
/// </summary>
public sealed class SpectorServer : IAsyncLifetime
{
    private static readonly string s_spector = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../spector"));
    private Process? _process;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>@typespec/http-specs' folder (its assets: the images the multipart and file scenarios send).</summary>
    public static string SpecsDirectory => Path.Combine(s_spector, "node_modules", "@typespec", "http-specs");

    /// <summary>Spector's image.png, which its file, multipart and content-negotiation scenarios send and expect.</summary>
    public static byte[] Png => s_png.Value;

    private static readonly Lazy<byte[]> s_png = new(() => File.ReadAllBytes(Path.Combine(SpecsDirectory, "assets", "image.png")));

    public async Task InitializeAsync()
    {
        var specs = SpecsDirectory;
        if (!Directory.Exists(specs)) throw new InvalidOperationException($"Spector is not installed: run `npm ci` in {s_spector} (.ci/run does).");
        var port = FreePort();
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = specs,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "--require", Path.Combine(s_spector, "localhost.cjs"), Path.Combine(s_spector, "node_modules", "@typespec", "spector", "cmd", "cli.mjs"), "serve", "./specs", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--coverageFile", Path.Combine(Path.GetTempPath(), $"spector-coverage-{port}.json") })
        {
            start.ArgumentList.Add(argument);
        }
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"Spector exited with code {_process.ExitCode} before listening.");
            try
            {
                using var response = await probe.GetAsync(BaseAddress);
                return; // any answer (a 404 for /) means it listens
            }
            catch (HttpRequestException)
            {
                await Task.Delay(250);
            }
            catch (TaskCanceledException)
            {
            }
        }
        throw new TimeoutException("Spector did not listen within 90 s.");
    }

    public async Task DisposeAsync()
    {
        try
        {
            if (_process is { HasExited: false })
            {
                // The mock's verdicts, before it stops: conformance.md's Spector section is written from them.
                using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
                using var coverage = JsonDocument.Parse(await client.GetStringAsync(new Uri(BaseAddress, "/.coverage")));
                SpectorReport.Write(coverage.RootElement);
            }
        }
        finally
        {
            if (_process is { HasExited: false }) _process.Kill(entireProcessTree: true);
            _process?.Dispose();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class SpectorCollection : ICollectionFixture<SpectorServer>
{
    public const string Name = "Spector";
}
