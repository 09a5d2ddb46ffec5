using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ClientGen.Runtime.Polling;
using ClientGen.Runtime.Generated;

namespace ClientGen.EnergyCap;

/// <summary>Following a distribution run to its end, through the log listing EnergyCAP documents.</summary>
public partial class EnergyCapReportDistributionClient
{
    /// <summary>In Progress keeps polling; Complete succeeds; Not sent and Some reports not sent fail.</summary>
    public static WaiterDefinition DistributionFinished { get; } = new(
        "DistributionFinished", new[] { "Complete" }, new[] { "Not sent", "Some reports not sent" }, new[] { "In Progress" })
    {
        MinDelay = TimeSpan.FromSeconds(2),
        MaxDelay = TimeSpan.FromSeconds(30),
        DefaultTimeout = TimeSpan.FromMinutes(30),
    };

    /// <summary>
    /// Polls the distribution logs (with in-progress runs) until the log <paramref name="reportDistributionLogId"/>
    /// is Complete (returned), or Not sent / Some reports not sent (<see cref="WaiterFailedException"/>).
    /// EnergyCAP documents no per-log status operation, so the listing is read and the run picked by its id.
    /// </summary>
    public Task<ReportDistributionLogResponse> WaitForDistributionAsync(int reportDistributionLogId, WaitOptions? options = null, CancellationToken cancellationToken = default) =>
        Waiter.WaitAsync(
            DistributionFinished,
            async ct =>
            {
                var logs = await GetReportDistributionLogsAsync(includeInProgress: true, cancellationToken: ct).ConfigureAwait(false);
                return logs.FirstOrDefault(l => l.ReportDistributionLogId == reportDistributionLogId)
                    ?? throw new InvalidOperationException($"EnergyCAP lists no report distribution log {reportDistributionLogId}.");
            },
            static log => log.Status?.Value,
            null,
            options,
            _core.Options.TimeProvider,
            cancellationToken);

    /// <summary>Runs a distribution once, then waits for its log to finish.</summary>
    /// <param name="reportDistributionId">The distribution to run.</param>
    /// <param name="overrideUserIds">Recipients to use instead of the configured ones, if any.</param>
    /// <param name="options">Deadline, progress, unknown-status behaviour.</param>
    /// <param name="cancellationToken">Cancels the run request or the wait.</param>
    public async Task<ReportDistributionLogResponse> ExecuteReportDistributionAndWaitAsync(int reportDistributionId, System.Collections.Generic.IReadOnlyList<int>? overrideUserIds = null, WaitOptions? options = null, CancellationToken cancellationToken = default)
    {
        var started = await ExecuteReportDistributionAsync(reportDistributionId, overrideUserIds, cancellationToken).ConfigureAwait(false);
        var logId = started.ReportDistributionLogId ?? throw new InvalidOperationException($"EnergyCAP returned no log id for distribution {reportDistributionId}.");
        return await WaitForDistributionAsync(logId, options, cancellationToken).ConfigureAwait(false);
    }
}
