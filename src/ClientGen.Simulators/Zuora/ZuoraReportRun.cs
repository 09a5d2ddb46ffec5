using System;

namespace ClientGen.Simulators.Zuora;

/// <summary>One simulated report run. Its status is a function of the clock, so fake time drives it exactly.</summary>
internal sealed class ZuoraReportRun
{
    private readonly TimeSpan _phase;

    public ZuoraReportRun(string id, ZuoraSimulatedReport report, DateTimeOffset startedAt, TimeSpan phase)
    {
        Id = id;
        Report = report;
        StartedAt = startedAt;
        _phase = phase;
    }

    public string Id { get; }

    public ZuoraSimulatedReport Report { get; }

    public DateTimeOffset StartedAt { get; }

    public DateTimeOffset? CancelledAt { get; private set; }

    /// <summary>When the run reaches its final status unless cancelled first.</summary>
    private DateTimeOffset FinishesAt => StartedAt + (_phase * Report.Outcome switch
    {
        ZuoraRunOutcome.Invalid => 1,
        ZuoraRunOutcome.Error => 2,
        _ => 3,
    });

    public bool IsFinished(DateTimeOffset now) => CancelledAt is not null || now >= FinishesAt;

    /// <summary>Cancels the run if it is in progress; returns the status it is left in.</summary>
    public string Cancel(DateTimeOffset now)
    {
        if (!IsFinished(now)) CancelledAt = now;
        return Status(now);
    }

    public string Status(DateTimeOffset now)
    {
        if (CancelledAt is { } cancelled && cancelled <= now) return "CANCELLED";
        if (now >= FinishesAt)
        {
            return Report.Outcome switch
            {
                ZuoraRunOutcome.Invalid => "INVALID",
                ZuoraRunOutcome.Error => "ERROR",
                _ => "COMPLETED",
            };
        }
        var phase = (int)((now - StartedAt).Ticks / Math.Max(1, _phase.Ticks));
        return phase switch { 0 => "STARTED", 1 => "QUERYDATA", _ => "PROCESSINGDATA" };
    }

    /// <summary>When the status last changed.</summary>
    public DateTimeOffset UpdatedOn(DateTimeOffset now)
    {
        if (CancelledAt is { } cancelled) return cancelled;
        if (now >= FinishesAt) return FinishesAt;
        return StartedAt + (_phase * ((now - StartedAt).Ticks / Math.Max(1, _phase.Ticks)));
    }
}
