using System;
using System.Collections.Generic;

namespace ClientGen.Simulators.EnergyCap;

/// <summary>The final status a simulated distribution reaches.</summary>
public enum EnergyCapDistributionOutcome
{
    /// <summary>Every report was sent: "Complete".</summary>
    Complete,

    /// <summary>Nothing was sent: "Not sent".</summary>
    NotSent,

    /// <summary>Some recipients got their report: "Some reports not sent".</summary>
    SomeReportsNotSent,
}

/// <summary>A report distribution the simulator can run.</summary>
/// <param name="Id">The reportDistributionId.</param>
/// <param name="Name">Its name.</param>
/// <param name="ReportCode">The report it distributes.</param>
/// <param name="RecipientUserIds">Its configured recipients.</param>
/// <param name="Outcome">How its runs end.</param>
public sealed record EnergyCapSimulatedDistribution(int Id, string Name, string ReportCode, IReadOnlyList<int> RecipientUserIds, EnergyCapDistributionOutcome Outcome);

/// <summary>A system user of the simulated EnergyCAP tenant.</summary>
/// <param name="UserId">The user id.</param>
/// <param name="UserCode">The user code.</param>
/// <param name="FullName">The full name.</param>
public sealed record EnergyCapSimulatedUser(int UserId, string UserCode, string FullName);

/// <summary>How the EnergyCAP simulator behaves.</summary>
public sealed class EnergyCapSimulatorOptions
{
    /// <summary>The only accepted <c>ECI-ApiKey</c> (EnergyCAP API keys do not expire).</summary>
    public string ApiKey { get; set; } = "energycap-simulator-key";

    /// <summary>
    /// Whether a request without <c>Content-Type: application/json</c> is refused with 415, body or not, as EnergyCAP's
    /// documentation says every request must carry it. Default true.
    /// </summary>
    public bool RequireJsonContentType { get; set; } = true;

    /// <summary>
    /// The status a request without the JSON content type gets. EnergyCAP documents the rule, not the status: 415 is the
    /// spec's assumption, so a client can be tested against another answer.
    /// </summary>
    public int ContentTypeErrorStatus { get; set; } = 415;

    /// <summary>The status for a distribution that does not exist (EnergyCAP documents none; 404 is the spec's assumption).</summary>
    public int UnknownDistributionStatus { get; set; } = 404;

    /// <summary>How long a run stays "In Progress".</summary>
    public TimeSpan RunDuration { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The tenant's users; distributions and overrideUserIds must name them.</summary>
    public IList<EnergyCapSimulatedUser> Users { get; } = new List<EnergyCapSimulatedUser>
    {
        new(1, "ADA", "Ada Admin"),
        new(11, "GRACE", "Grace Facilities"),
        new(12, "ALAN", "Alan Accounts"),
        new(13, "KATE", "Kate Energy"),
    };

    /// <summary>The distributions that can be run; their creator is user 1.</summary>
    public IList<EnergyCapSimulatedDistribution> Distributions { get; } = new List<EnergyCapSimulatedDistribution>
    {
        new(7, "Monthly bills", "ECAP-BILLS", new[] { 11, 12, 13 }, EnergyCapDistributionOutcome.Complete),
        new(8, "Budget variance", "ECAP-BUDGET", new[] { 11, 12 }, EnergyCapDistributionOutcome.SomeReportsNotSent),
        new(9, "Inactive meters", "ECAP-METERS", new[] { 13 }, EnergyCapDistributionOutcome.NotSent),
    };

    /// <summary>The clock runs advance on; the system clock when null.</summary>
    public TimeProvider? TimeProvider { get; set; }
}
