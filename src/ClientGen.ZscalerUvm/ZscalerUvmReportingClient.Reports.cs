using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ClientGen.Runtime;
using ClientGen.Runtime.Generated;
using ClientGen.Runtime.Polling;

namespace ClientGen.ZscalerUvm;

/// <summary>Report runs end to end: start, wait for a final status, download the presigned result.</summary>
public partial class ZscalerUvmReportingClient
{
    /// <summary>The waiter for a report run: Running keeps polling, Completed succeeds, Failed fails.</summary>
    public static WaiterDefinition ReportRunCompleted { get; } = new(
        "ReportRunCompleted", new[] { "Completed" }, new[] { "Failed" }, new[] { "Running" })
    {
        MinDelay = TimeSpan.FromSeconds(2),
        MaxDelay = TimeSpan.FromSeconds(30),
        DefaultTimeout = TimeSpan.FromMinutes(30),
    };

    // Presigned URLs are authorised by their signature: they get their own transport, never the API's bearer token.
    private static readonly Lazy<HttpClient> s_downloads = new(() => new HttpClient(ApiPipeline.CreateTransport(), disposeHandler: true));

    /// <summary>Polls getReportRunStatus until the run is Completed (returned) or Failed (<see cref="WaiterFailedException"/>).</summary>
    /// <param name="reportId">The report.</param>
    /// <param name="runId">The run, from processReport.</param>
    /// <param name="options">Deadline, progress, unknown-status behaviour.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task<ReportRun> WaitForReportRunAsync(string reportId, string runId, WaitOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        return Waiter.WaitAsync(
            ReportRunCompleted,
            async ct => (await GetReportRunStatusAsync(reportId, runId, cancellationToken: ct).ConfigureAwait(false)).GetDataOrThrow().GetReportRunStatus
                ?? throw new InvalidOperationException($"getReportRunStatus returned no run for {runId}."),
            static run => run.Status?.Value,
            null,
            options,
            _core.Options.TimeProvider,
            cancellationToken);
    }

    /// <summary>Starts the report once (processReport), then waits for it to finish.</summary>
    /// <param name="reportId">The report id, from the report editing page URL.</param>
    /// <param name="presigned">True to get a downloadable link (CSV); false to export to the report's S3 destination.</param>
    /// <param name="options">Deadline, progress, unknown-status behaviour.</param>
    /// <param name="cancellationToken">Cancels the start or the wait.</param>
    public async Task<ReportRun> RunReportAndWaitAsync(string reportId, bool presigned = true, WaitOptions? options = null, CancellationToken cancellationToken = default)
    {
        var started = (await ProcessReportAsync(reportId, presigned, cancellationToken: cancellationToken).ConfigureAwait(false)).GetDataOrThrow().ProcessReport;
        var runId = started?.RunId ?? throw new InvalidOperationException($"processReport returned no runId for report {reportId}.");
        options?.Started?.Invoke(new OperationHandle(nameof(ZscalerUvmReportingClient), ReportRunCompleted.Name, runId, _core.Options.EffectiveBaseAddress, reportId));
        return await WaitForReportRunAsync(reportId, runId, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Streams a completed run's file to <paramref name="destination"/>. When the presigned URL has expired
    /// (the file host answers 400/403/410), the run's status is queried once for a fresh URL.
    /// </summary>
    /// <returns>The number of bytes written.</returns>
    public async Task<long> DownloadReportAsync(string reportId, string runId, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        for (var attempt = 0; ; attempt++)
        {
            var run = (await GetReportRunStatusAsync(reportId, runId, cancellationToken: cancellationToken).ConfigureAwait(false)).GetDataOrThrow().GetReportRunStatus;
            var url = run?.PresignedUrl ?? throw new InvalidOperationException($"Run {runId} has no presigned URL (status {run?.Status?.Value ?? "unknown"}); start it with isPresignedUrl: true and wait for Completed.");
            using var response = await s_downloads.Value.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                var start = destination.CanSeek ? destination.Position : 0;
                await body.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
                return destination.CanSeek ? destination.Position - start : response.Content.Headers.ContentLength ?? -1;
            }
            var expired = response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Gone or HttpStatusCode.BadRequest;
            if (!expired || attempt > 0)
            {
                // The signature is a credential: the message names the host and path only.
                throw new HttpRequestException($"Downloading run {runId} from {WithoutQuery(url)} failed with HTTP {(int)response.StatusCode}.", null, response.StatusCode);
            }
        }
    }

    /// <summary>Downloads a completed run's file to <paramref name="path"/>, replacing it only once the download succeeded.</summary>
    public async Task<long> DownloadReportToFileAsync(string reportId, string runId, string path, CancellationToken cancellationToken = default)
    {
        var partial = path + ".partial";
        try
        {
            long bytes;
            await using (var file = File.Create(partial))
            {
                bytes = await DownloadReportAsync(reportId, runId, file, cancellationToken).ConfigureAwait(false);
            }
            File.Move(partial, path, overwrite: true);
            return bytes;
        }
        catch
        {
            File.Delete(partial); // never leave a truncated file where a complete one is expected
            throw;
        }
    }

    private static string WithoutQuery(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Path) : "(presigned URL)";
}
