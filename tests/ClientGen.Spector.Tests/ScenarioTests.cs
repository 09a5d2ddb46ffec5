using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using ClientGen.Spector.Tests.Scenarios;
using Xunit;
using Task = System.Threading.Tasks.Task;

namespace ClientGen.Spector.Tests;

/// <summary>
/// Every Spector scenario that needs nothing but its own wire values, driven through the generated clients by
/// <see cref="ScenarioDriver"/>. Scenarios that need credentials, server variables, next links or hand-picked values
/// have their own tests (<see cref="HandDrivenScenarios"/> lists them).
/// </summary>
[Collection(SpectorCollection.Name)]
public sealed class ScenarioTests(SpectorServer server) : IDisposable
{
    private readonly HttpClient _http = new();

    public static IEnumerable<object[]> Driven() =>
        SpectorScenario.All.Where(s => !HandDrivenScenarios.Contains(s.Name) && !NotExpressible.Contains(s.Name) && !KnownFailures.Contains(s.Name)).Select(s => new object[] { s.Name });

    public static IEnumerable<object[]> Failing() => KnownFailures.Reasons.Keys.Select(name => new object[] { name });

    [Theory]
    [MemberData(nameof(Driven))]
    public async Task A_scenario_called_through_the_generated_client_is_answered_and_read_back(string scenario)
    {
        await ScenarioOutcomes.RunAsync(scenario, () => new ScenarioDriver(server.BaseAddress, _http).RunAsync(SpectorScenario.Named(scenario)));
    }

    [Theory]
    [MemberData(nameof(Failing))]
    public async Task A_known_failure_still_fails_until_it_leaves_the_list(string scenario)
    {
        var failure = await Record.ExceptionAsync(() => new ScenarioDriver(server.BaseAddress, _http).RunAsync(SpectorScenario.Named(scenario)));
        ScenarioOutcomes.Record(scenario, failure?.Message ?? "passed");
        Assert.True(failure is not null, $"{scenario} passes now: remove it from KnownFailures.");
    }

    [Fact]
    public void Every_listed_scenario_is_one_Spector_defines()
    {
        var names = SpectorScenario.All.Select(s => s.Name).ToHashSet();
        Assert.All(KnownFailures.Reasons.Keys.Concat(NotExpressible.Reasons.Keys), name => Assert.Contains(name, names));
    }

    public void Dispose() => _http.Dispose();
}
