using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ClientGen.Simulators.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ClientGen.Simulators.EnergyCap;

/// <summary>
/// EnergyCAP's report distribution API (v202106): the <c>ECI-ApiKey</c> check, <c>exec</c> starting a run whose log
/// is "In Progress" for <see cref="EnergyCapSimulatorOptions.RunDuration"/> and then "Complete", "Not sent" or
/// "Some reports not sent", and the log list (in-progress logs only with <c>includeInProgress=true</c>).
/// </summary>
public sealed class EnergyCapSimulator : Simulator
{
    private const string Api = "/api/v202106/reportdistribution";
    private readonly ConcurrentDictionary<int, Log> _logs = new();
    private int _nextLogId = 100;

    private EnergyCapSimulator(EnergyCapSimulatorOptions options)
        : base(options.TimeProvider) => Options = options;

    /// <inheritdoc />
    public override string Vendor => "EnergyCAP";

    /// <summary>The options the simulator runs with.</summary>
    public EnergyCapSimulatorOptions Options { get; }

    /// <summary>The base address to give an EnergyCAP client (the tenant's host).</summary>
    public Uri BaseAddress => RootAddress;

    /// <summary>The number of distribution runs started.</summary>
    public int RunsStarted => _logs.Count;

    /// <summary>Starts a simulator on a free port of 127.0.0.1.</summary>
    public static async Task<EnergyCapSimulator> StartAsync(EnergyCapSimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        var simulator = new EnergyCapSimulator(options ?? new EnergyCapSimulatorOptions());
        await simulator.StartHostAsync(cancellationToken).ConfigureAwait(false);
        return simulator;
    }

    /// <inheritdoc />
    protected override void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var key = Encoding.UTF8.GetBytes(context.Request.Headers["ECI-ApiKey"].ToString());
            if (CryptographicOperations.FixedTimeEquals(key, Encoding.UTF8.GetBytes(Options.ApiKey)))
            {
                if (Options.RequireJsonContentType && !IsJson(context.Request.ContentType))
                {
                    await ErrorAsync(context, Options.ContentTypeErrorStatus, "All requests must specify JSON content type (Content-Type: application/json).").ConfigureAwait(false);
                    return;
                }
                await next().ConfigureAwait(false);
                return;
            }
            await ErrorAsync(context, 401, key.Length == 0 ? "The ECI-ApiKey header is required." : "The ECI-ApiKey is not valid.").ConfigureAwait(false);
        });
        app.MapPost(Api + "/{reportDistributionId}/exec", ExecuteAsync);
        app.MapGet(Api + "/log", ListLogsAsync);
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null && contentType.Split(';')[0].Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase);

    private Task ExecuteAsync(HttpContext context, string reportDistributionId)
    {
        if (!int.TryParse(reportDistributionId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return ErrorAsync(context, 400, "reportDistributionId must be an integer.");
        var distribution = Options.Distributions.FirstOrDefault(d => d.Id == id);
        if (distribution is null) return ErrorAsync(context, Options.UnknownDistributionStatus, $"Report distribution {id} does not exist.");
        var recipients = distribution.RecipientUserIds;
        var overrides = context.Request.Query["overrideUserIds"];
        if (overrides.Count > 0)
        {
            var ids = new List<int>();
            foreach (var value in overrides)
            {
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var userId)) return ErrorAsync(context, 400, $"overrideUserIds: '{value}' is not a user id.");
                if (Options.Users.All(u => u.UserId != userId)) return ErrorAsync(context, 400, $"overrideUserIds: user {userId} does not exist.");
                ids.Add(userId);
            }
            recipients = ids;
        }
        var log = new Log(Interlocked.Increment(ref _nextLogId), distribution, recipients.Distinct().Count(), Time.GetUtcNow());
        _logs[log.Id] = log;
        return context.Response.WriteAsJsonAsync(LogJson(log), context.RequestAborted);
    }

    private Task ListLogsAsync(HttpContext context)
    {
        var includeInProgress = bool.TryParse(context.Request.Query["includeInProgress"], out var include) && include;
        var now = Time.GetUtcNow();
        var logs = _logs.Values
            .Where(l => includeInProgress || Status(l, now) != "In Progress")
            .OrderByDescending(l => l.BeganAt).ThenByDescending(l => l.Id)
            .Select(LogJson)
            .ToList();
        return context.Response.WriteAsJsonAsync(logs, context.RequestAborted);
    }

    private string Status(Log log, DateTimeOffset now) => now < log.BeganAt + Options.RunDuration
        ? "In Progress"
        : log.Distribution.Outcome switch
        {
            EnergyCapDistributionOutcome.NotSent => "Not sent",
            EnergyCapDistributionOutcome.SomeReportsNotSent => "Some reports not sent",
            _ => "Complete",
        };

    private Dictionary<string, object?> LogJson(Log log)
    {
        var now = Time.GetUtcNow();
        var status = Status(log, now);
        var creator = Options.Users.FirstOrDefault() ?? new EnergyCapSimulatedUser(1, "ADMIN", "Administrator");
        return new Dictionary<string, object?>
        {
            ["beginDate"] = Timestamp(log.BeganAt),
            ["endDate"] = status == "In Progress" ? null : Timestamp(log.BeganAt + Options.RunDuration),
            ["numberOfRecipients"] = log.Recipients,
            ["reportDistribution"] = new Dictionary<string, object>
            {
                ["createdByUser"] = new Dictionary<string, object> { ["fullName"] = creator.FullName, ["userCode"] = creator.UserCode, ["userId"] = creator.UserId },
                ["reportCode"] = log.Distribution.ReportCode,
                ["reportDistributionId"] = log.Distribution.Id,
                ["reportDistributionName"] = log.Distribution.Name,
            },
            ["reportDistributionLogId"] = log.Id,
            ["status"] = status,
        };
    }

    private static string Timestamp(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static Task ErrorAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new Dictionary<string, string> { ["message"] = message }, context.RequestAborted);
    }

    private sealed record Log(int Id, EnergyCapSimulatedDistribution Distribution, int Recipients, DateTimeOffset BeganAt);
}
