using System;
using ClientGen.Simulators.Faults;

namespace ClientGen.Cli.Run;

/// <summary>
/// What <c>--faults</c> injects: every kind of failure each client is built to survive — throttling, server errors,
/// dropped connections, a lost start response (replayed by its Idempotency-Key), an expired token, latency.
/// </summary>
internal static class FaultPlans
{
    public static void Zuora(FaultInjector faults) => faults
        .Add(Fault.DropResponse("/reportrun"))
        .Add(Fault.TooManyRequests(TimeSpan.FromSeconds(1), "GET /reporting/api/rest/v1/reportruns/"))
        .Add(Fault.ServerError(503, "GET /reporting/api/rest/v1/reportruns/"))
        .Add(Fault.ExpiredToken("GET /reporting/api/rest/v1/reportruns/"))
        .Add(Fault.DropConnection("/reportdata/"))
        .Latency = TimeSpan.FromMilliseconds(50);

    public static void EnergyCap(FaultInjector faults) => faults
        .Add(Fault.TooManyRequests(TimeSpan.FromSeconds(1), "/exec"))
        .Add(Fault.ServerError(502, "/log"))
        .Add(Fault.DropConnection("/log"))
        .Latency = TimeSpan.FromMilliseconds(50);

    public static void Zscaler(FaultInjector faults) => faults
        .Add(Fault.TooManyRequests(TimeSpan.FromSeconds(1), "processReport"))
        .Add(Fault.ServerError(503, "getReportRunStatus"))
        .Add(Fault.ExpiredToken("getReportRunStatus"))
        .Add(Fault.DropConnection("getReportRunStatus"))
        .Latency = TimeSpan.FromMilliseconds(50);
}
