using System;
using System.Collections.Generic;
using System.Linq;

namespace ClientGen.Generator.Tests.Conformance;

/// <summary>What one corpus document did in the generator: the row of docs/conformance.md.</summary>
internal sealed record ConformanceRow(
    string Document,
    string Kind,
    int Operations,
    int Types,
    IReadOnlyList<(string Id, int Count)> Diagnostics,
    int CompileErrors,
    int CompileWarnings,
    int GeneratedFiles,
    string? FirstCompileError,
    TimeSpan GenerationTime)
{
    public bool CompilesClean => CompileErrors == 0;

    /// <summary>Unions generated as JsonElement (CG1002).</summary>
    public int UntypedUnions => Diagnostics.Where(d => d.Id == "CG1002").Sum(d => d.Count);

    /// <summary>Bodies taken as raw HttpContent (CG1003).</summary>
    public int UntypedBodies => Diagnostics.Where(d => d.Id == "CG1003").Sum(d => d.Count);

    public string DiagnosticsCell => Diagnostics.Count == 0 ? "none" : string.Join(", ", Diagnostics.Select(d => $"{d.Id}×{d.Count}"));

    public bool GeneratesClient => GeneratedFiles > 0;

    public string CompileCell => !GeneratesClient ? "nothing generated" : CompileErrors == 0
        ? (CompileWarnings == 0 ? "clean" : $"clean, {CompileWarnings} warning(s)")
        : $"**{CompileErrors} error(s)**";

    /// <summary>Every cell but the time, which varies between runs: what the committed table must still say.</summary>
    public string[] StableCells => new[] { Document, Kind, Operations.ToString(), Types.ToString(), UntypedUnions.ToString(), UntypedBodies.ToString(), DiagnosticsCell, CompileCell };
}
