using System;
using System.Collections.Generic;

namespace ClientGen.Simulators.Zscaler;

/// <summary>A report the Zscaler simulator can export, and whether its runs succeed.</summary>
/// <param name="Id">The report id passed to processReport.</param>
/// <param name="Succeeds">True: runs end Completed; false: runs end Failed.</param>
/// <param name="Csv">The exported file's content.</param>
public sealed record ZscalerSimulatedReport(string Id, bool Succeeds, string Csv);

/// <summary>How the Zscaler UVM simulator behaves.</summary>
public sealed class ZscalerSimulatorOptions
{
    /// <summary>The OAuth client id accepted by <c>/oauth2/token</c>.</summary>
    public string ClientId { get; set; } = "zscaler-simulator-client";

    /// <summary>Its secret.</summary>
    public string ClientSecret { get; set; } = "zscaler-simulator-secret";

    /// <summary>The account id every GraphQL request must send in the <c>accountId</c> header.</summary>
    public string AccountId { get; set; } = "simulator-account";

    /// <summary>How long a token is valid (Zscaler: one hour).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a run stays Running.</summary>
    public TimeSpan RunDuration { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a presigned download URL is valid.</summary>
    public TimeSpan PresignedUrlLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The reports that can be exported.</summary>
    public IList<ZscalerSimulatedReport> Reports { get; } = new List<ZscalerSimulatedReport>
    {
        new("vulnerability-summary", true, "asset,finding,severity,status\nweb-01,CVE-2024-3094,Critical,Open\nweb-02,CVE-2023-4863,High,Open\ndb-01,CVE-2023-44487,High,Fixed\n"),
        new("broken-report", false, string.Empty),
    };

    /// <summary>The clock runs advance on; the system clock when null.</summary>
    public TimeProvider? TimeProvider { get; set; }
}
