using System;
using System.Linq;
using ClientGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ClientGen.Generator.Tests.Conformance;

/// <summary>What every corpus row must satisfy, and that the committed table still says it.</summary>
internal static class ConformanceAssert
{
    public static void Holds(ConformanceRow row, GeneratorRun run, string? sourcePath)
    {
        var internalErrors = run.GeneratorDiagnostics.Where(d => d.Id == DiagnosticDescriptors.InternalError.Id).ToList();
        Assert.True(internalErrors.Count == 0, $"{row.Document}: the generator failed internally: {run.Describe(internalErrors)}");

        Assert.True(row.CompilesClean, $"{row.Document}: the generated client does not compile ({row.CompileErrors} errors), first: {row.FirstCompileError}");

        if (sourcePath != null)
        {
            var warnings = run.GeneratorDiagnostics.Where(d => d.Id == DiagnosticDescriptors.UnsupportedConstruct.Id).Select(d => d.GetMessage()).ToList();
            foreach (var (kind, name) in CorpusConstructs.Unsupported(sourcePath))
            {
                Assert.True(warnings.Any(w => w.Contains(kind, StringComparison.Ordinal) && w.Contains(name, StringComparison.Ordinal)),
                    $"{row.Document}: no CG1001 warning names {kind} '{name}'");
            }
        }

        var committed = ConformanceTable.ReadCommitted(ConformanceReport.CommittedPath);
        Assert.True(committed.TryGetValue(row.Document, out var cells), $"docs/conformance.md has no row for {row.Document}: run the conformance tests with CLIENTGEN_UPDATE_DOCS=1");
        Assert.True(cells!.SequenceEqual(row.StableCells.Select(ConformanceTable.Escape)),
            $"docs/conformance.md says [{string.Join(" | ", cells!)}] for {row.Document}, the generator now gives [{string.Join(" | ", row.StableCells)}]: run the conformance tests with CLIENTGEN_UPDATE_DOCS=1");
    }
}
