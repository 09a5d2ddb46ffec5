using System.Linq;
using ClientGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ClientGen.Generator.Tests;

/// <summary>Users extend specs; an added endpoint must add code and change nothing else.</summary>
public sealed class SpecEvolutionTests
{
    private const string Before = """
        openapi: 3.0.3
        info: { title: Reports, version: "1" }
        servers: [ { url: "https://api.example.com" } ]
        paths:
          /reports/{id}:
            get:
              operationId: getReport
              parameters: [ { name: id, in: path, required: true, schema: { type: string } } ]
              responses:
                '200':
                  description: ok
                  content: { application/json: { schema: { $ref: '#/components/schemas/Report' } } }
        components:
          schemas:
            Report:
              type: object
              required: [id]
              properties: { id: { type: string }, title: { type: string } }
        """;

    private const string NewPath = """
          /reports/{id}/archive:
            post:
              operationId: archiveReport
              parameters: [ { name: id, in: path, required: true, schema: { type: string } } ]
              responses:
                '204': { description: archived }
        """;

    [Fact]
    public void A_new_path_adds_one_method_and_changes_nothing_else()
    {
        var after = Before.Replace("components:", NewPath + "\ncomponents:");
        var harness = new GeneratorHarness().AddSpec("/specs/reports.yaml", Before);
        var first = harness.Run();
        var second = harness.RunAfterSpecEdit("/specs/reports.yaml", after);

        Assert.Empty(second.CompileProblems());
        Assert.Equal(first.Sources.Keys.OrderBy(k => k), second.Sources.Keys.OrderBy(k => k));
        foreach (var (name, text) in first.Sources)
        {
            if (name.EndsWith("ReportsClient.g.cs", System.StringComparison.Ordinal) || name.EndsWith("ReportsClientResponses.g.cs", System.StringComparison.Ordinal)) continue;
            Assert.Equal(text, second.Sources[name]);
        }
        // The client, its interface and its …WithResponseAsync twins each gain the new operation's member; nothing else moves.
        foreach (var name in new[] { "TestApp.ReportsClient.g.cs", "TestApp.IReportsClient.g.cs", "TestApp.ReportsClientResponses.g.cs" })
        {
            var oldLines = first.Sources[name].Split('\n');
            var newLines = second.Sources[name].Split('\n');
            Assert.True(IsSubsequence(oldLines, newLines), $"{name}: existing lines changed, not only added");
            Assert.Contains(newLines, l => l.Contains("ArchiveReportAsync("));
        }
        var client = second.Output.GetTypeByMetadataName("TestApp.IReportsClient")!;
        Assert.Equal(new[] { "ArchiveReportAsync", "GetReportAsync" }, client.GetMembers().OfType<IMethodSymbol>().Select(m => m.Name).OrderBy(n => n));
    }

    [Fact]
    public void A_field_whose_type_changes_changes_that_property_and_its_reader_only()
    {
        var after = Before.Replace("title: { type: string }", "title: { type: integer, format: int32 }");
        var harness = new GeneratorHarness().AddSpec("/specs/reports.yaml", Before);
        var first = harness.Run();
        var second = harness.RunAfterSpecEdit("/specs/reports.yaml", after);

        Assert.Empty(second.CompileProblems());
        Assert.Contains("public string? Title { get; init; }", first.Sources["TestApp.Report.g.cs"]);
        Assert.Contains("public int? Title { get; init; }", second.Sources["TestApp.Report.g.cs"]);
        Assert.Equal(first.Sources.Where(s => s.Key != "TestApp.Report.g.cs"), second.Sources.Where(s => s.Key != "TestApp.Report.g.cs"));
    }

    [Fact]
    public void A_graphql_operation_added_to_a_document_adds_one_method()
    {
        const string schema = "type Query { report(id: ID!): Report, reports: [Report!]! } type Report { id: ID!, title: String }";
        const string before = "query Report($id: ID!) { report(id: $id) { id title } }";
        var harness = new GeneratorHarness().AddSpec("/gql/reports/schema.graphql", schema).AddSpec("/gql/reports/operations.graphql", before);
        var first = harness.Run();
        var second = harness.RunAfterSpecEdit("/gql/reports/operations.graphql", before + "\nquery Reports { reports { id } }");

        Assert.Empty(second.CompileProblems());
        var client = second.Output.GetTypeByMetadataName("TestApp.IReportsClient")!;
        Assert.Equal(new[] { "ReportAsync", "ReportsAsync" }, client.GetMembers().OfType<IMethodSymbol>().Select(m => m.Name).OrderBy(n => n));
        Assert.Equal(first.Sources["TestApp.ReportResult.g.cs"], second.Sources["TestApp.ReportResult.g.cs"]);
        Assert.Contains("TestApp.ReportsResult.g.cs", second.Sources.Keys);
    }

    private static bool IsSubsequence(string[] part, string[] whole)
    {
        var j = 0;
        foreach (var line in whole)
        {
            if (j < part.Length && part[j] == line) j++;
        }
        return j == part.Length;
    }

    [Fact]
    public void A_derived_schema_listed_before_its_base_still_inherits_it()
    {
        const string spec = """
            openapi: 3.0.3
            info: { title: Pets, version: "1" }
            paths: {}
            components:
              schemas:
                Cat:
                  allOf:
                    - $ref: '#/components/schemas/Pet'
                    - type: object
                      properties: { lives: { type: integer } }
                Pet:
                  type: object
                  required: [name]
                  properties: { name: { type: string } }
            """;
        var run = new GeneratorHarness().AddSpec("/specs/pets.yaml", spec).Run();

        var problems = run.CompileProblems();
        Assert.True(problems.Count == 0, run.Describe(problems));
        var cat = run.Output.GetTypeByMetadataName("TestApp.Cat")!;
        Assert.Equal("Pet", cat.BaseType!.Name);
        Assert.DoesNotContain(cat.GetMembers().OfType<IPropertySymbol>(), p => p.Name == "Name");
    }
}
