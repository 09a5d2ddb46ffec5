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
        SpectorScenario.All.Where(s => !HandDrivenScenarios.Contains(s.Name) && !NotExpressible.Contains(s.Name)).Select(s => new object[] { s.Name });

    [Theory]
    [MemberData(nameof(Driven))]
    public async Task A_scenario_called_through_the_generated_client_is_answered_and_read_back(string scenario)
    {
        await new ScenarioDriver(server.BaseAddress, _http).RunAsync(SpectorScenario.Named(scenario));
    }

    public void Dispose() => _http.Dispose();
}
