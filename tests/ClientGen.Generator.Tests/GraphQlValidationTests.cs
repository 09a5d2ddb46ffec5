using System.Linq;
using ClientGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ClientGen.Generator.Tests;

/// <summary>GraphQL operations are validated against their schema at build time, each error at its .graphql line and column.</summary>
public sealed class GraphQlValidationTests
{
    private const string Schema = """
        scalar JSON

        type Query {
          getReportRunStatus(reportId: String, runId: String): JSON
          report(id: ID!): Report
          search(term: String!): [SearchResult!]!
        }

        type Mutation {
          processReport(id: String!, isPresignedUrl: Boolean): JSON
        }

        type Report implements Node {
          id: ID!
          name: String!
          status: RunStatus
          owner: User
        }

        type User implements Node {
          id: ID!
          login: String!
        }

        interface Node { id: ID! }

        union SearchResult = Report | User

        enum RunStatus { Running Completed Failed }
        """;

    private static GeneratorRun Run(string operations) =>
        new GeneratorHarness().AddSpec("/gql/uvm/schema.graphql", Schema).AddSpec("/gql/uvm/operations.graphql", operations).Run();

    private static Diagnostic Single(GeneratorRun run, string id)
    {
        var matches = run.GeneratorDiagnostics.Where(d => d.Id == id).ToList();
        Assert.True(matches.Count == 1, $"Expected one {id}, got: {run.Describe(run.GeneratorDiagnostics)}");
        Assert.Equal("/gql/uvm/operations.graphql", matches[0].Location.GetLineSpan().Path);
        return matches[0];
    }

    private static (int Line, int Column) Position(Diagnostic diagnostic)
    {
        var start = diagnostic.Location.GetLineSpan().StartLinePosition;
        return (start.Line + 1, start.Character + 1);
    }

    [Fact]
    public void The_documented_zscaler_operations_are_valid()
    {
        var run = Run("""
            mutation processReport($id: String!) { processReport(id: $id, isPresignedUrl: true) }
            query getReportRunStatus($reportId: String, $runId: String) { getReportRunStatus(reportId: $reportId, runId: $runId) }
            query reportWithFragments($id: ID!) { report(id: $id) { ...ReportParts owner { ... on Node { id } } } }
            query find($term: String!) { search(term: $term) { __typename ... on Report { name } ... on User { login } } }
            fragment ReportParts on Report { id name status }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        var problems = run.CompileProblems();
        Assert.True(problems.Count == 0, run.Describe(problems));
        var client = run.Output.GetTypeByMetadataName("TestApp.IUvmClient")!;
        Assert.Equal(new[] { "FindAsync", "GetReportRunStatusAsync", "ProcessReportAsync", "ReportWithFragmentsAsync" }, client.GetMembers().OfType<IMethodSymbol>().Select(m => m.Name).OrderBy(n => n));
        var result = run.Output.GetTypeByMetadataName("TestApp.ReportWithFragmentsReport")!;
        Assert.Equal(new[] { "Id", "Name", "Owner", "Status" }, result.GetMembers().OfType<IPropertySymbol>().Select(p => p.Name).Where(n => n != "AdditionalProperties" && n != "EqualityContract").OrderBy(n => n));
    }

    [Fact]
    public void A_union_selection_becomes_a_base_record_with_a_derived_record_per_concrete_type()
    {
        var run = Run("query find($term: String!) { search(term: $term) { ... on Report { id name } ... on User { login } } }");

        Assert.Empty(run.GeneratorDiagnostics);
        var problems = run.CompileProblems();
        Assert.True(problems.Count == 0, run.Describe(problems));
        var baseType = run.Output.GetTypeByMetadataName("TestApp.FindSearch")!;
        var report = run.Output.GetTypeByMetadataName("TestApp.FindSearchReport")!;
        var user = run.Output.GetTypeByMetadataName("TestApp.FindSearchUser")!;
        Assert.Equal(baseType, report.BaseType);
        Assert.Equal(baseType, user.BaseType);
        Assert.Contains(report.GetMembers().OfType<IPropertySymbol>(), p => p.Name == "Name");
        var client = run.Sources["TestApp.UvmClient.g.cs"];
        Assert.Contains("search(term: $term) { __typename", client);
    }

    [Fact]
    public void An_unknown_field_is_CG2101_at_the_field()
    {
        var run = Run("query q($id: ID!) {\n  report(id: $id) {\n    id\n    title\n  }\n}");

        var diagnostic = Single(run, "CG2101");
        Assert.Contains("'title' on type 'Report'", diagnostic.GetMessage());
        Assert.Equal((4, 5), Position(diagnostic));
    }

    [Fact]
    public void An_unknown_argument_and_a_missing_required_one_are_reported()
    {
        var run = Run("query q {\n  report(key: \"x\") { id }\n}");

        Assert.Equal((2, 10), Position(Single(run, "CG2102")));
        Assert.Contains("requires argument 'id'", Single(run, "CG2103").GetMessage());
    }

    [Fact]
    public void A_variable_of_the_wrong_type_is_CG2104()
    {
        var run = Run("mutation m($id: Int!) { processReport(id: $id) }");

        var diagnostic = Single(run, "CG2104");
        Assert.Contains("'$id' of type Int! is used where String! is expected", diagnostic.GetMessage());
        Assert.Equal((1, 43), Position(diagnostic));
    }

    [Fact]
    public void A_nullable_variable_in_a_non_null_position_is_CG2104_unless_it_has_a_default()
    {
        Assert.Contains("String is used where String!", Single(Run("mutation m($id: String) { processReport(id: $id) }"), "CG2104").GetMessage());
        Assert.Empty(Run("mutation m($id: String = \"r-1\") { processReport(id: $id) }").GeneratorDiagnostics);
    }

    [Fact]
    public void Undefined_and_unused_variables_are_reported()
    {
        var run = Run("query q($unused: String) { report(id: $missing) { id } }");

        Assert.Contains("'$missing' is not defined", Single(run, "CG2105").GetMessage());
        Assert.Contains("'$unused' is never used", Single(run, "CG2106").GetMessage());
    }

    [Fact]
    public void Unknown_and_unused_fragments_are_reported()
    {
        var run = Run("query q { report(id: \"1\") { ...Missing } }\nfragment Spare on User { login }");

        Assert.Contains("'Missing'", Single(run, "CG2107").GetMessage());
        Assert.Equal((2, 10), Position(Single(run, "CG2108")));
    }

    [Fact]
    public void Leaf_and_composite_selections_are_checked()
    {
        var run = Run("query q { report(id: \"1\") { name { length } owner } }");

        var problems = run.GeneratorDiagnostics.Where(d => d.Id == "CG2109").Select(d => d.GetMessage()).ToList();
        Assert.Contains(problems, m => m.Contains("'name'") && m.Contains("leaf"));
        Assert.Contains(problems, m => m.Contains("'owner'") && m.Contains("must select subfields"));
    }

    [Fact]
    public void Fields_with_one_response_name_must_merge()
    {
        var run = Run("query q { report(id: \"1\") { id: name id } }");

        Assert.Contains("'name' and 'id' are different fields", Single(run, "CG2111").GetMessage());
    }

    [Fact]
    public void A_fragment_that_can_never_apply_is_CG2113()
    {
        var run = Run("query q { report(id: \"1\") { ... on User { login } } }");

        Assert.Contains("can never apply to 'Report'", Single(run, "CG2113").GetMessage());
    }

    [Fact]
    public void Duplicate_and_anonymous_operation_names_are_CG2110()
    {
        var run = Run("query a { report(id: \"1\") { id } }\nquery a { report(id: \"2\") { id } }\n{ report(id: \"3\") { id } }");

        Assert.Equal(2, run.GeneratorDiagnostics.Count(d => d.Id == "CG2110"));
    }

    [Fact]
    public void A_syntax_error_is_CG2001_at_its_position_and_other_clients_are_unaffected()
    {
        var run = new GeneratorHarness()
            .AddSpec("/gql/uvm/schema.graphql", Schema)
            .AddSpec("/gql/uvm/operations.graphql", "query q {\n  report(id: \"1\") { id \n")
            .AddSpec("/gql/other/schema.graphql", "type Query { a: Int }")
            .AddSpec("/gql/other/ops.graphql", "query b { b }")
            .Run();

        var syntax = Single(run, "CG2001");
        Assert.InRange(Position(syntax).Line, 2, 3); // at the last token or at the end of the file
        var other = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "CG2101");
        Assert.Equal("/gql/other/ops.graphql", other.Location.GetLineSpan().Path);
    }

    [Fact]
    public void Operations_in_a_subfolder_use_the_schema_of_the_parent_folder()
    {
        var run = new GeneratorHarness()
            .AddSpec("/gql/uvm/schema.graphql", Schema)
            .AddSpec("/gql/uvm/queries/status.graphql", "query s($runId: String) { getReportRunStatus(runId: $runId) }")
            .Run();

        Assert.Empty(run.GeneratorDiagnostics);
    }

    [Fact]
    public void A_variable_used_only_in_a_directive_is_used_and_one_a_directive_invents_is_undefined()
    {
        var used = Run("query r($id: ID!, $withOwner: Boolean!, $country: String) @inContext(country: $country) { report(id: $id) { id owner @include(if: $withOwner) { login } } }");
        var invented = Run("query r($id: ID!) { report(id: $id) { id owner @skip(if: $hide) { login } } }");

        Assert.DoesNotContain(used.GeneratorDiagnostics, d => d.Id is "CG2105" or "CG2106");
        Assert.Contains("hide", Single(invented, "CG2105").GetMessage());
    }

    [Fact]
    public void An_introspection_json_file_that_cannot_be_read_gets_a_warning_naming_it_and_why()
    {
        var run = new GeneratorHarness().AddSpec("/gql/shop/storefront.schema.json", "{\"data\":{\"__schema\":{\"types\":[]}}}").Run();

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("CG2201", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains("storefront.schema.json", diagnostic.GetMessage());
        Assert.Contains("queryType", diagnostic.GetMessage());
    }

    [Fact]
    public void An_unrelated_edit_reruns_no_graphql_step()
    {
        var harness = new GeneratorHarness().AddSpec("/gql/uvm/schema.graphql", Schema).AddSpec("/gql/uvm/operations.graphql", "query q { report(id: \"1\") { id } }");
        var first = harness.Run();

        IncrementalAssert.AllTrackedStepsCachedOrUnchanged(harness.RunAfterUnrelatedEdit().Generator);
        foreach (var step in new[] { TrackingNames.GraphQlWorkItems, TrackingNames.GraphQlResults, TrackingNames.GraphQlModels })
        {
            Assert.True(first.Generator.TrackedSteps.ContainsKey(step), step);
            foreach (var output in first.Generator.TrackedSteps[step].SelectMany(s => s.Outputs)) IncrementalAssert.HoldsNoForbiddenTypes(output.Value, step);
        }
    }
}
