using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace ClientGen.Spector.Tests.Scenarios;

/// <summary>What each scenario's test concluded in this run (the mock's coverage says only whether the request matched).</summary>
public static class ScenarioOutcomes
{
    private static readonly ConcurrentDictionary<string, string?> s_outcomes = new();

    /// <summary>Scenario name → null when the test passed, else what failed.</summary>
    public static IReadOnlyDictionary<string, string?> All => s_outcomes;

    public static void Record(string scenario, string? failure) => s_outcomes[scenario] = failure;

    public static async Task RunAsync(string scenario, Func<Task> test)
    {
        try
        {
            await test();
            s_outcomes[scenario] = null;
        }
        catch (Exception e)
        {
            s_outcomes[scenario] = e.Message;
            throw;
        }
    }
}
