using System;
using Spectre.Console.Rendering;

namespace ClientGen.Cli.Run;

/// <summary>How one vendor's run ended, for the summary table.</summary>
/// <param name="Vendor">The vendor's display name.</param>
/// <param name="Target">"simulator" or the real environment.</param>
/// <param name="RunId">The vendor's run id, when the run started.</param>
/// <param name="Status">The final status, as the vendor names it.</param>
/// <param name="Duration">From the first request to the last.</param>
/// <param name="Succeeded">True when the run reached its success status and its result was read.</param>
internal sealed record RunResult(string Vendor, string Target, string? RunId, string Status, TimeSpan Duration, bool Succeeded)
{
    /// <summary>What the run produced: the first rows, the downloaded file, the distribution log.</summary>
    public IRenderable? Preview { get; init; }

    /// <summary>A line about the simulator (faults injected, runs started), when one was used.</summary>
    public string? SimulatorNote { get; init; }

    /// <summary>True when the user cancelled the run.</summary>
    public bool Cancelled { get; init; }
}
