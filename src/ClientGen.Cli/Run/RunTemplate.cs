using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using ClientGen.Runtime.Polling;
using Spectre.Console.Rendering;

namespace ClientGen.Cli.Run;

/// <summary>What a vendor's run knows while it runs: its target, its clock, and the vendor's run id once it started.</summary>
internal sealed class RunAttempt(string vendor, string target)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public string Vendor { get; } = vendor;

    public string Target { get; } = target;

    public string? RunId { get; set; }

    public TimeSpan Elapsed => _clock.Elapsed;

    public RunResult Completed(string status, IRenderable? preview) => new(Vendor, Target, RunId, status, Elapsed, true) { Preview = preview };
}

/// <summary>
/// The one way a run ends, for every vendor: completed, failed by the vendor (the waiter's failure status), cancelled
/// (Ctrl+C: the vendor says what cancelling means), or failed on the way (HTTP, token, timeout). A bug is not caught.
/// </summary>
internal static class RunTemplate
{
    /// <param name="attempt">The run's state, shared with <paramref name="body"/>.</param>
    /// <param name="reporter">Where progress goes.</param>
    /// <param name="body">The run itself; returns <see cref="RunAttempt.Completed"/>.</param>
    /// <param name="cancelled">The status to show after Ctrl+C (it may ask the vendor, on a budget of its own).</param>
    /// <param name="failurePreview">What to show of the last response when the vendor failed the run.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    public static async Task<RunResult> RunAsync(
        RunAttempt attempt,
        IRunReporter reporter,
        Func<Task<RunResult>> body,
        Func<Task<string>> cancelled,
        Func<WaiterFailedException, IRenderable?>? failurePreview,
        CancellationToken cancellationToken)
    {
        try
        {
            var result = await body().ConfigureAwait(false);
            reporter.Finished(attempt.Vendor, true);
            return result;
        }
        catch (WaiterFailedException failed)
        {
            reporter.Finished(attempt.Vendor, false);
            return new RunResult(attempt.Vendor, attempt.Target, attempt.RunId, failed.Status, attempt.Elapsed, false) { Preview = failurePreview?.Invoke(failed) };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            var status = await cancelled().ConfigureAwait(false);
            reporter.Finished(attempt.Vendor, false);
            return new RunResult(attempt.Vendor, attempt.Target, attempt.RunId, status, attempt.Elapsed, false) { Cancelled = true };
        }
        catch (Exception ex) when (VendorRunner.IsRunFailure(ex))
        {
            reporter.Report(attempt.Vendor, VendorRunner.Describe(ex));
            reporter.Finished(attempt.Vendor, false);
            return new RunResult(attempt.Vendor, attempt.Target, attempt.RunId, "failed: " + VendorRunner.Describe(ex), attempt.Elapsed, false);
        }
    }
}
