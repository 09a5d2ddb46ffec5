using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ClientGen.Runtime;
using ClientGen.Runtime.Auth;
using ClientGen.Runtime.Polling;
using ClientGen.Simulators.Faults;

namespace ClientGen.Cli.Run;

/// <summary>One vendor's report run through its generated client, against its simulator or the real service.</summary>
internal abstract class VendorRunner
{
    /// <summary>Polls quickly: simulated runs take seconds, and the spec's delays are tuned for real ones.</summary>
    protected static readonly TimeSpan SimulatorMinDelay = TimeSpan.FromMilliseconds(250);

    /// <summary>The name on the command line.</summary>
    public abstract string Key { get; }

    /// <summary>The name in output.</summary>
    public abstract string Vendor { get; }

    /// <summary>
    /// Checks the configuration (throwing <see cref="RunConfigurationException"/> before anything is sent) and
    /// returns the run to perform.
    /// </summary>
    public abstract Func<IRunReporter, CancellationToken, Task<RunResult>> Prepare(RunSettings settings);

    protected static string Require(string? value, string what) =>
        value ?? throw new RunConfigurationException($"{what} is required when real credentials are configured.");

    /// <summary>A named environment of the spec (case and punctuation ignored) or an absolute URL; null keeps the spec's default.</summary>
    protected static (ApiEnvironment? Environment, Uri? BaseAddress) ResolveEnvironment(string? name, IReadOnlyList<ApiEnvironment> known, string vendor)
    {
        if (name is null) return (null, null);
        if (Uri.TryCreate(name, UriKind.Absolute, out var url) && url.Scheme is "https" or "http") return (null, url);
        var match = known.FirstOrDefault(e => Simplify(e.Name) == Simplify(name));
        return match is not null
            ? (match, null)
            : throw new RunConfigurationException($"{vendor} has no environment '{name}'. Use one of: {string.Join(", ", known.Select(e => e.Name))}, or a base URL.");
    }

    /// <summary>Fetches the OAuth token the client will use (from the same cache), so the run shows it as its first step.</summary>
    protected static async Task AcquireTokenAsync(ApiClientOptions options, IRunReporter reporter, string vendor, CancellationToken cancellationToken)
    {
        var endpoint = options.ClientCredentials!.TokenEndpoint ?? ApiPipeline.TokenEndpointFor(options);
        reporter.Report(vendor, $"requesting an OAuth token from {endpoint}");
        using var http = new HttpClient(ApiPipeline.CreateTransport(), disposeHandler: true);
        var provider = ApiPipeline.CreateTokenProvider(options, http)!;
        var token = await provider.GetTokenAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        reporter.Report(vendor, $"token acquired, valid for {(token.ExpiresAt - options.TimeProvider.GetUtcNow()).TotalMinutes:0} min");
    }

    /// <summary>Wait options that report every poll.</summary>
    protected static WaitOptions Waiting(IRunReporter reporter, string vendor, bool simulator, Action<OperationHandle> started, bool cancelOnVendor) => new()
    {
        Progress = new SyncProgress<WaitProgress>(p => reporter.Report(vendor, p.TransientError is null
            ? $"status {p.Status} (poll {p.Attempt}, {p.Elapsed.TotalSeconds:0.0}s)"
            : $"poll {p.Attempt} failed ({Describe(p.TransientError)}); polling on")),
        Started = started,
        CancelOnVendorWhenCancelled = cancelOnVendor,
        MinDelay = simulator ? SimulatorMinDelay : null,
        MaxDelay = simulator ? TimeSpan.FromSeconds(1) : null,
    };

    /// <summary>A failure as one short line.</summary>
    public static string Describe(Exception exception) => exception switch
    {
        ApiException api => $"HTTP {api.StatusCode} from {api.OperationId}",
        TokenRequestException token => $"token request refused{(token.StatusCode is { } status ? $" (HTTP {status})" : string.Empty)}",
        WaiterTimeoutException timeout => $"still {timeout.LastStatus ?? "unknown"} after {timeout.Elapsed.TotalMinutes:0.#} min",
        _ => exception.Message,
    };

    /// <summary>Whether an exception is the run failing (reported in the summary) rather than a bug.</summary>
    public static bool IsRunFailure(Exception exception) =>
        exception is ApiException or HttpRequestException or TokenRequestException or TimeoutException or InvalidOperationException or Runtime.GraphQl.GraphQlException;

    /// <summary>The simulator line of the summary.</summary>
    protected static string SimulatorNote(string vendor, FaultInjector faults, int runsStarted) =>
        $"{vendor} simulator: {faults.Injected.Count} fault(s) injected, {runsStarted} run(s) started";

    private static string Simplify(string name) => new(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    /// <summary>Reports synchronously, in order (<see cref="Progress{T}"/> posts to the thread pool and can reorder).</summary>
    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
