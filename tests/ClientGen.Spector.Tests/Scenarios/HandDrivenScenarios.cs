using System.Collections.Generic;

namespace ClientGen.Spector.Tests.Scenarios;

/// <summary>The scenarios that a test of their own drives, because they need what the mockapi does not spell out as data.</summary>
public static class HandDrivenScenarios
{
    private static readonly HashSet<string> s_names = new()
    {
    };

    public static bool Contains(string name) => s_names.Contains(name);
}
