using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ClientGen.Simulators.Hosting;
using ClientGen.Simulators.OAuth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ClientGen.Simulators.Zuora;

/// <summary>
/// The Zuora Reporting API as its documentation describes it: OAuth client-credentials tokens that expire,
/// report runs moving STARTED → QUERYDATA → PROCESSINGDATA → COMPLETED on the simulator's clock (or ending
/// INVALID / ERROR, or CANCELLED by DELETE), Idempotency-Key replay, gzip both ways, the Zuora-Track-Id echo,
/// report data pages and the CSV export.
/// </summary>
public sealed class ZuoraSimulator : Simulator
{
    /// <summary>Where the Reporting API lives on the host; the OAuth endpoint is <c>/oauth/token</c> on the same host.</summary>
    public const string ApiBasePath = "/reporting/api/rest/v1";

    private readonly ConcurrentDictionary<string, ZuoraReportRun> _runs = new(StringComparer.Ordinal);
    private readonly IdempotencyStore _idempotency;

    private ZuoraSimulator(ZuoraSimulatorOptions options)
        : base(options.TimeProvider)
    {
        Options = options;
        Tokens = new TokenIssuer(options.ClientId, options.ClientSecret, options.TokenLifetime, Time);
        _idempotency = new IdempotencyStore(Time, options.IdempotencyRetention);
    }

    /// <inheritdoc />
    public override string Vendor => "Zuora";

    /// <summary>The options the simulator runs with.</summary>
    public ZuoraSimulatorOptions Options { get; }

    /// <summary>The OAuth token endpoint's state: tokens issued and their expiry.</summary>
    public TokenIssuer Tokens { get; }

    /// <summary>The base address to give a Zuora client (<c>…/reporting/api/rest/v1</c>).</summary>
    public Uri BaseAddress => new(RootAddress, ApiBasePath);

    /// <summary>The ids of every run started, in no particular order.</summary>
    public IReadOnlyCollection<string> RunIds => _runs.Keys.ToList();

    /// <summary>The current status of a run, or null when there is no such run.</summary>
    public string? StatusOf(string reportRunId) => _runs.TryGetValue(reportRunId, out var run) ? run.Status(Time.GetUtcNow()) : null;

    /// <summary>Starts a simulator on a free port of 127.0.0.1.</summary>
    public static async Task<ZuoraSimulator> StartAsync(ZuoraSimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        var simulator = new ZuoraSimulator(options ?? new ZuoraSimulatorOptions());
        await simulator.StartHostAsync(cancellationToken).ConfigureAwait(false);
        return simulator;
    }

    /// <inheritdoc />
    protected override bool IsFaultable(HttpRequest request) => request.Path.StartsWithSegments(ApiBasePath);

    /// <inheritdoc />
    protected override void OnTokensExpired() => Tokens.ExpireAll();

    /// <inheritdoc />
    protected override void Map(WebApplication app)
    {
        app.Use(EchoTrackIdAsync);
        app.UseWhen(c => c.Request.Path.StartsWithSegments(ApiBasePath), api => api
            .Use((context, next) => ZuoraCompression.ApplyAsync(context, Options.CompressionThreshold, next))
            .Use(async (context, next) =>
            {
                if (await Tokens.AuthorizeAsync(context, (c, message) => ZuoraErrors.WriteAsync(c, 401, "AUTHENTICATION_ERROR", message)).ConfigureAwait(false)) await next().ConfigureAwait(false);
            }));

        app.MapPost("/oauth/token", (HttpContext context) => Tokens.HandleTokenRequestAsync(context, token => new[]
        {
            ("scope", "user.simulator entity.simulator platform.write tenant.1"),
            ("jti", token),
        }));
        app.MapPost(ApiBasePath + "/reports/{reportId}/reportrun", RunReportAsync);
        app.MapGet(ApiBasePath + "/reportruns/{reportRunId}", (HttpContext c, string reportRunId) => WithRun(c, reportRunId, run => Ok(c, RunJson(run))));
        app.MapDelete(ApiBasePath + "/reportruns/{reportRunId}", (HttpContext c, string reportRunId) => WithRun(c, reportRunId, run => CancelAsync(c, run)));
        app.MapGet(ApiBasePath + "/reportruns/reportdata/{reportRunId}", (HttpContext c, string reportRunId) => WithRun(c, reportRunId, run => ReportDataAsync(c, run)));
        app.MapGet(ApiBasePath + "/reportruns/export/{reportRunId}", (HttpContext c, string reportRunId) => WithRun(c, reportRunId, run => ExportAsync(c, run)));
        app.MapGet(ApiBasePath + "/reports/{reportId}/reportruns/latest", LastCompletedAsync);
        app.MapPost(ApiBasePath + "/reportruns", ListRunsAsync);
    }

    private static async Task EchoTrackIdAsync(HttpContext context, Func<Task> next)
    {
        context.Response.Headers["Zuora-Request-Id"] = Guid.NewGuid().ToString();
        var trackId = context.Request.Headers["Zuora-Track-Id"].ToString();
        if (trackId.Length > 0)
        {
            if (trackId.Length > 64 || trackId.Any(c => c > 0x7E || c < 0x20 || c is ':' or ';' or '"' or '\''))
            {
                await ZuoraErrors.WriteAsync(context, 400, "INVALID_VALUE", "Zuora-Track-Id must be at most 64 US-ASCII characters without : ; \" or '.").ConfigureAwait(false);
                return;
            }
            context.Response.Headers["Zuora-Track-Id"] = trackId;
        }
        await next().ConfigureAwait(false);
    }

    private async Task RunReportAsync(HttpContext context, string reportId)
    {
        var body = await new StreamReader(context.Request.Body, Encoding.UTF8).ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        var key = context.Request.Headers["Idempotency-Key"].ToString();
        if (key.Length == 0)
        {
            var (status, json) = await StartRunAsync(context, reportId, body).ConfigureAwait(false);
            await WriteJsonAsync(context, status, json).ConfigureAwait(false);
            return;
        }
        if (key.Length > 255)
        {
            await ZuoraErrors.WriteAsync(context, 400, "INVALID_VALUE", "Idempotency-Key must be at most 255 characters.").ConfigureAwait(false);
            return;
        }
        var (outcome, entry) = _idempotency.Begin(key, context.Request.Path + context.Request.QueryString + "\n" + body);
        switch (outcome)
        {
            case IdempotencyStore.Outcome.Mismatch:
                await ZuoraErrors.WriteAsync(context, 422, "IDEMPOTENCY_MISMATCH", "The Idempotency-Key was already used with a different request.").ConfigureAwait(false);
                return;
            case IdempotencyStore.Outcome.InFlight:
                await ZuoraErrors.WriteAsync(context, 409, "IDEMPOTENCY_CONFLICT", "A request with the same Idempotency-Key is still in progress.").ConfigureAwait(false);
                return;
            case IdempotencyStore.Outcome.Replay:
                await WriteJsonAsync(context, entry!.Status, entry.Body).ConfigureAwait(false);
                return;
        }
        try
        {
            var (status, json) = await StartRunAsync(context, reportId, body).ConfigureAwait(false);
            _idempotency.Complete(key, status, json);
            await WriteJsonAsync(context, status, json).ConfigureAwait(false);
        }
        catch
        {
            _idempotency.Abandon(key); // nothing was started: a retry must be processed
            throw;
        }
    }

    private async Task<(int Status, string Json)> StartRunAsync(HttpContext context, string reportId, string body)
    {
        if (Options.RunStartLatency > TimeSpan.Zero) await Task.Delay(Options.RunStartLatency, Time, context.RequestAborted).ConfigureAwait(false);
        var report = Options.Reports.FirstOrDefault(r => r.Id == reportId);
        if (report is null) return Error(404, "OBJECT_NOT_FOUND", $"Report {reportId} does not exist.");
        var viewType = context.Request.Query["viewType"].ToString();
        if (viewType is not ("Detail" or "Summary")) return Error(400, "INVALID_VALUE", "viewType is required and must be Detail or Summary.");
        if (viewType != report.ViewType) return Error(400, "INVALID_VALUE", $"Report {reportId} is a {report.ViewType} report; run it with viewType={report.ViewType}.");
        if (!IsFilterGroupArray(body, out var groups)) return Error(400, "INVALID_VALUE", "The request body must be a JSON array of filter groups.");
        if (groups == 0 && !Options.EmptyFiltersRunSavedFilters) return Error(400, "INVALID_VALUE", "At least one filter group is required.");
        var run = new ZuoraReportRun(Guid.NewGuid().ToString("N"), report, Time.GetUtcNow(), Options.PhaseDuration);
        _runs[run.Id] = run;
        return (200, JsonSerializer.Serialize(new { success = true, response = new { reportRunId = run.Id } }));
    }

    private static bool IsFilterGroupArray(string body, out int groups)
    {
        groups = 0;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Array) groups = document.RootElement.GetArrayLength();
            return document.RootElement.ValueKind == JsonValueKind.Array
                && document.RootElement.EnumerateArray().All(g => g.ValueKind == JsonValueKind.Object && g.TryGetProperty("logicalOperator", out _) && g.TryGetProperty("filterClauses", out _));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private Task CancelAsync(HttpContext context, ZuoraReportRun run)
    {
        var now = Time.GetUtcNow();
        var wasCancelled = run.Status(now) == "CANCELLED";
        var status = run.Cancel(now);
        if (status != "CANCELLED") return ZuoraErrors.WriteAsync(context, 400, "INVALID_VALUE", $"The report run has already finished with status {status} and cannot be canceled.");
        return Ok(context, new { success = true, response = wasCancelled ? "The report run was canceled" : "The report run has been canceled" });
    }

    private Task ReportDataAsync(HttpContext context, ZuoraReportRun run)
    {
        if (!NotCompletedError(context, run, out var error)) return error;
        if (!int.TryParse(context.Request.Query["offset"], NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            || !int.TryParse(context.Request.Query["pageSize"], NumberStyles.None, CultureInfo.InvariantCulture, out var pageSize) || pageSize < 1)
        {
            return ZuoraErrors.WriteAsync(context, 400, "INVALID_VALUE", "offset (>= 0) and pageSize (>= 1) are required.");
        }
        // Record 0 of the result set is the header row, which is why callers usually start at offset 1.
        var report = run.Report;
        var header = (IReadOnlyList<object>)report.Columns.Cast<object>().ToList();
        var records = new[] { header }.Concat(report.Rows).Skip(offset).Take(pageSize)
            .Select(row => report.Columns.Select((column, i) => (column, value: row[i])).ToDictionary(p => p.column, p => p.value));
        return Ok(context, new { success = true, response = records.ToList() });
    }

    private Task ExportAsync(HttpContext context, ZuoraReportRun run)
    {
        if (!NotCompletedError(context, run, out var error)) return error;
        if (!bool.TryParse(context.Request.Query["pivoted"], out _)) return ZuoraErrors.WriteAsync(context, 400, "INVALID_VALUE", "pivoted (true or false) is required.");
        var csv = new StringBuilder();
        csv.AppendJoin(',', run.Report.Columns.Select(Csv)).Append('\n');
        foreach (var row in run.Report.Rows) csv.AppendJoin(',', row.Select(v => Csv(Convert.ToString(v, CultureInfo.InvariantCulture) ?? string.Empty))).Append('\n');
        context.Response.ContentType = "text/csv";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{run.Report.Name.Replace(' ', '_')}-{run.Id}.csv\"";
        return context.Response.WriteAsync(csv.ToString(), context.RequestAborted);
    }

    private Task LastCompletedAsync(HttpContext context, string reportId)
    {
        var now = Time.GetUtcNow();
        var last = _runs.Values.Where(r => r.Report.Id == reportId && r.Status(now) == "COMPLETED").OrderByDescending(r => r.StartedAt).FirstOrDefault();
        return last is null
            ? ZuoraErrors.WriteAsync(context, 404, "OBJECT_NOT_FOUND", $"Report {reportId} has no completed run.")
            : Ok(context, RunJson(last));
    }

    private Task ListRunsAsync(HttpContext context)
    {
        var now = Time.GetUtcNow();
        var statuses = context.Request.Query["status"].Where(s => !string.IsNullOrEmpty(s)).ToHashSet(StringComparer.Ordinal);
        var runs = _runs.Values.Where(r => statuses.Count == 0 || statuses.Contains(r.Status(now))).OrderByDescending(r => r.StartedAt).Select(r => RunFields(r, now));
        return Ok(context, new { success = true, response = runs.ToList() });
    }

    private bool NotCompletedError(HttpContext context, ZuoraReportRun run, out Task error)
    {
        var status = run.Status(Time.GetUtcNow());
        error = status == "COMPLETED" ? Task.CompletedTask : ZuoraErrors.WriteAsync(context, 400, "INVALID_VALUE", $"The report run is {status}; results are available once it is COMPLETED.");
        return status == "COMPLETED";
    }

    private Task WithRun(HttpContext context, string reportRunId, Func<ZuoraReportRun, Task> action) =>
        _runs.TryGetValue(reportRunId, out var run) ? action(run) : ZuoraErrors.WriteAsync(context, 404, "OBJECT_NOT_FOUND", $"Report run {reportRunId} does not exist.");

    private object RunJson(ZuoraReportRun run) => new { success = true, response = RunFields(run, Time.GetUtcNow()) };

    private static Dictionary<string, object> RunFields(ZuoraReportRun run, DateTimeOffset now) => new()
    {
        ["id"] = run.Id,
        ["reportId"] = run.Report.Id,
        ["reportType"] = run.Report.ViewType,
        ["status"] = run.Status(now),
        ["startedOn"] = run.StartedAt.ToUnixTimeMilliseconds(),
        ["updatedOn"] = run.UpdatedOn(now).ToUnixTimeMilliseconds(),
        ["reportDefinition"] = $"{{\"name\":\"{run.Report.Name}\",\"columns\":{run.Report.Columns.Count}}}",
    };

    private static (int, string) Error(int status, string code, string message) => (status, JsonSerializer.Serialize(new
    {
        success = false,
        processId = Guid.NewGuid().ToString("N")[..16].ToUpperInvariant(),
        message,
        reasons = new[] { new { code, message } },
    }));

    private static Task Ok(HttpContext context, object value) => WriteJsonAsync(context, 200, JsonSerializer.Serialize(value));

    private static Task WriteJsonAsync(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(json, context.RequestAborted);
    }

    private static string Csv(string value) =>
        value.IndexOfAny(new[] { ',', '"', '\n', '\r' }) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
