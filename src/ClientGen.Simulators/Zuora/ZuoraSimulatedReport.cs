using System;
using System.Collections.Generic;
using System.Linq;

namespace ClientGen.Simulators.Zuora;

/// <summary>How a simulated report's runs end.</summary>
public enum ZuoraRunOutcome
{
    /// <summary>STARTED → QUERYDATA → PROCESSINGDATA → COMPLETED.</summary>
    Completed,

    /// <summary>STARTED → INVALID (the report definition or data is invalid).</summary>
    Invalid,

    /// <summary>STARTED → QUERYDATA → ERROR.</summary>
    Error,
}

/// <summary>A report the Zuora simulator can run: its definition, how its runs end, and its result rows.</summary>
/// <param name="Id">The ReportId.</param>
/// <param name="Name">The report's name.</param>
/// <param name="ViewType">"Detail" or "Summary": runs must ask for this view type.</param>
/// <param name="Outcome">How runs end.</param>
/// <param name="Columns">The result's column names.</param>
/// <param name="Rows">The result rows, one value per column.</param>
public sealed record ZuoraSimulatedReport(string Id, string Name, string ViewType, ZuoraRunOutcome Outcome, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object>> Rows)
{
    /// <summary>The default detail report of active accounts (42 rows) whose runs complete.</summary>
    public static ZuoraSimulatedReport ActiveAccounts { get; } = new(
        "ff808081529f4e3401529fd373730070",
        "Active accounts",
        "Detail",
        ZuoraRunOutcome.Completed,
        new[] { "Account.AccountNumber", "Account.Name", "Account.Status", "Account.Currency", "Account.Balance" },
        Enumerable.Range(1, 42).Select(i => (IReadOnlyList<object>)new object[]
        {
            $"A{i:D8}", AccountNames[i % AccountNames.Length] + " " + i, i % 7 == 0 ? "Cancelled" : "Active", i % 3 == 0 ? "EUR" : "USD", Math.Round(i * 37.25m % 1000m, 2),
        }).ToArray());

    /// <summary>A report whose runs end INVALID.</summary>
    public static ZuoraSimulatedReport InvalidDefinition { get; } = new(
        "ff808081529f4e3401529fd3737300ff", "Broken definition", "Detail", ZuoraRunOutcome.Invalid, new[] { "Account.Name" }, Array.Empty<IReadOnlyList<object>>());

    /// <summary>A report whose runs end ERROR.</summary>
    public static ZuoraSimulatedReport FailingQuery { get; } = new(
        "ff808081529f4e3401529fd3737300ee", "Failing query", "Summary", ZuoraRunOutcome.Error, new[] { "Account.Name" }, Array.Empty<IReadOnlyList<object>>());

    private static string[] AccountNames => new[] { "Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne" };
}
