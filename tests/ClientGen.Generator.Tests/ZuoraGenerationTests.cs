using System.Linq;
using ClientGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ClientGen.Generator.Tests;

/// <summary>The generator on our own Zuora spec: clean output, full incrementality.</summary>
public sealed class ZuoraGenerationTests
{
    private static readonly string ZuoraSpec = Repo.Path("specs", "zuora", "zuora-reporting.yaml");

    [Fact]
    public void Zuora_spec_generates_a_client_that_compiles_with_no_warnings()
    {
        var run = new GeneratorHarness().AddSpecFile(ZuoraSpec).Run();

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains("TestApp.ZuoraReportingClient.g.cs", run.Sources.Keys);
        Assert.Contains("TestApp.ReportRunStatus.g.cs", run.Sources.Keys);
        var problems = run.CompileProblems();
        Assert.True(problems.Count == 0, run.Describe(problems));
    }

    [Fact]
    public void Every_operation_becomes_one_async_method_on_the_client_and_its_interface()
    {
        var run = new GeneratorHarness().AddSpecFile(ZuoraSpec).Run();
        var client = run.Output.GetTypeByMetadataName("TestApp.ZuoraReportingClient")!;
        var contract = run.Output.GetTypeByMetadataName("TestApp.IZuoraReportingClient")!;

        var expected = new[]
        {
            "RunReportAsync", "GetReportRunAsync", "CancelReportRunAsync", "GetReportDataAsync", "ExportReportRunAsync",
            "GetLastCompletedReportRunAsync", "ListReportRunsAsync", "CreateTokenAsync",
        };
        var waiters = new[] { "WaitForReportRunCompletedAsync", "RunReportAndWaitAsync", "CreateReportRunCompletedHandle", "ResumeReportRunCompletedAsync" };
        var pages = new[] { "GetReportDataRowsAsync" }; // x-clientgen-pagination on getReportData
        Assert.Equal(expected.Concat(waiters).Concat(pages).OrderBy(n => n), contract.GetMembers().OfType<IMethodSymbol>().Select(m => m.Name).OrderBy(n => n));
        foreach (var name in expected)
        {
            var method = client.GetMembers(name).OfType<IMethodSymbol>().Single();
            Assert.Equal("cancellationToken", method.Parameters.Last().Name);
            Assert.Equal("CancellationToken", method.Parameters.Last().Type.Name);
        }
        var runReport = client.GetMembers("RunReportAsync").OfType<IMethodSymbol>().Single();
        // Authorization, the transport's encodings and the headers ApiCallOptions carries (idempotency key, entity, track id) are the runtime's.
        Assert.Equal(new[] { "reportId", "viewType", "filters", "callOptions", "cancellationToken" },
            runReport.Parameters.Select(p => p.Name));
        Assert.Equal("ViewType", runReport.Parameters[1].Type.Name);
    }

    [Fact]
    public void A_second_run_after_an_unrelated_edit_reuses_every_step()
    {
        var harness = new GeneratorHarness().AddSpecFile(ZuoraSpec);
        harness.Run();
        var second = harness.RunAfterUnrelatedEdit();

        IncrementalAssert.AllTrackedStepsCachedOrUnchanged(second.Generator);
        Assert.All(second.Generator.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void A_whitespace_only_spec_edit_changes_no_output()
    {
        var text = System.IO.File.ReadAllText(ZuoraSpec);
        var harness = new GeneratorHarness().AddSpec("/specs/zuora-reporting.yaml", text);
        var first = harness.Run();
        // Blank lines and trailing spaces outside block scalars (inside them, YAML keeps spaces as content).
        var edited = "\n\n" + text.Replace("\npaths:\n", "\n\n\npaths:    \n").Replace("\ncomponents:\n", "\ncomponents:  \n\n") + "\n\n";
        Assert.NotEqual(text, edited);
        var second = harness.RunAfterSpecEdit("/specs/zuora-reporting.yaml", edited);

        Assert.Equal(first.Sources, second.Sources);
        var models = second.Generator.TrackedSteps[TrackingNames.Models].SelectMany(s => s.Outputs).ToList();
        Assert.NotEmpty(models);
        Assert.All(models, output => Assert.True(output.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached, output.Reason.ToString()));
    }

    [Fact]
    public void An_edit_to_one_operation_hands_the_compiler_only_the_files_that_show_it()
    {
        var text = System.IO.File.ReadAllText(ZuoraSpec);
        var harness = new GeneratorHarness().AddSpec("/specs/zuora-reporting.yaml", text);
        var first = harness.Run();
        var edited = text.Replace("summary: Get a report run", "summary: Get one report run, by its id");
        Assert.NotEqual(text, edited);
        var second = harness.RunAfterSpecEdit("/specs/zuora-reporting.yaml", edited);

        var files = second.Generator.TrackedSteps[TrackingNames.GeneratedFiles].SelectMany(s => s.Outputs).ToList();
        var changed = files.Where(o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New)
            .Select(o => ((ClientGen.Generator.Model.GeneratedFile)o.Value).HintName).ToList();
        // The summary is the method's doc comment, on the interface (the client inherits it): nothing else is handed over again.
        Assert.Equal(new[] { "TestApp.IZuoraReportingClient.g.cs" }, changed);
        Assert.True(files.Count > 20, $"{files.Count} files");
        Assert.NotEqual(first.Sources, second.Sources);
    }

    [Fact]
    public void The_model_holds_no_Roslyn_or_NSwag_objects()
    {
        var run = new GeneratorHarness().AddSpecFile(ZuoraSpec).Run();
        foreach (var step in TrackingNames.All)
        {
            if (!run.Generator.TrackedSteps.TryGetValue(step, out var steps)) continue;
            foreach (var output in steps.SelectMany(s => s.Outputs))
            {
                IncrementalAssert.HoldsNoForbiddenTypes(output.Value, step);
            }
        }
    }
}
