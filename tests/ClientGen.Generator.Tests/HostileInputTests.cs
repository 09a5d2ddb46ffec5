using System.Linq;
using ClientGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ClientGen.Generator.Tests;

/// <summary>
/// Inputs a fuzzer found that once crashed the compiler, ran for minutes or emitted code that did not compile:
/// each is now one located diagnostic, and a good spec beside it still generates.
/// </summary>
public sealed class HostileInputTests
{
    private static GeneratorRun RunBesideGood(string path, string spec) =>
        new GeneratorHarness().AddSpec(path, spec).AddSpec("/specs/good.yaml", TestSpecs.Good, ns: "TestApp.Good").Run();

    private static Diagnostic Single(GeneratorRun run, string id)
    {
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "CG0005");
        return run.SingleDiagnostic(id);
    }

    private static void AssertGoodStillGenerates(GeneratorRun run)
    {
        Assert.Contains("TestApp.Good.GoodClient.g.cs", run.Sources.Keys);
        Assert.Empty(run.CompileProblems());
    }

    [Theory]
    [InlineData(2_000)]
    [InlineData(20_000)]
    public void Yaml_flow_nesting_thousands_deep_is_CG0008_at_its_line_not_a_stack_overflow(int depth)
    {
        var spec = "openapi: 3.0.3\ninfo: { title: Deep, version: '1' }\npaths: {}\nx-deep: " + new string('[', depth) + new string(']', depth) + "\n";
        var run = RunBesideGood("/specs/deep.yaml", spec);

        var diagnostic = Single(run, "CG0008");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(3, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("64 levels", diagnostic.GetMessage());
        AssertGoodStillGenerates(run);
    }

    [Fact]
    public void Yaml_block_nesting_past_the_limit_is_CG0008()
    {
        var spec = "openapi: 3.0.3\ninfo: { title: Deep, version: '1' }\npaths: {}\nx-deep:\n"
            + string.Concat(Enumerable.Range(1, 100).Select(i => new string(' ', i * 2) + "k" + i + ":\n")) + new string(' ', 202) + "leaf: 1\n";
        var run = RunBesideGood("/specs/deep.yaml", spec);

        Assert.Contains("64 levels", Single(run, "CG0008").GetMessage());
        AssertGoodStillGenerates(run);
    }

    [Fact]
    public void Json_nesting_past_the_limit_is_the_same_CG0008_as_yaml()
    {
        var spec = "{\n\"openapi\": \"3.0.3\", \"info\": { \"title\": \"Deep\", \"version\": \"1\" }, \"paths\": {},\n\"x-deep\": " + new string('[', 5_000) + new string(']', 5_000) + "\n}";
        var run = RunBesideGood("/specs/deep.json", spec);

        var diagnostic = Single(run, "CG0008");
        Assert.Equal(2, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        AssertGoodStillGenerates(run);
    }

    [Fact]
    public void Nesting_within_the_limit_still_generates()
    {
        var spec = "openapi: 3.0.3\ninfo: { title: Nested, version: '1' }\npaths: {}\nx-nested: " + new string('[', 60) + new string(']', 60) + "\n";
        var run = new GeneratorHarness().AddSpec("/specs/nested.yaml", spec).Run();

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Contains(run.Sources.Keys, k => k.Contains("NestedClient"));
    }

    [Fact]
    public void A_yaml_alias_bomb_is_CG0008_at_the_alias_that_passes_the_limit()
    {
        var lines = new System.Collections.Generic.List<string> { "openapi: 3.0.3", "info: { title: Bomb, version: '1' }", "paths: {}", "x-l0: &l0 [lol]" };
        for (var level = 1; level <= 9; level++)
        {
            lines.Add($"x-l{level}: &l{level} [" + string.Join(", ", Enumerable.Repeat($"*l{level - 1}", 10)) + "]");
        }
        var run = RunBesideGood("/specs/bomb.yaml", string.Join("\n", lines) + "\n");

        var diagnostic = Single(run, "CG0008");
        Assert.Contains("aliases expand", diagnostic.GetMessage());
        Assert.InRange(diagnostic.Location.GetLineSpan().StartLinePosition.Line, 4, 12);
        AssertGoodStillGenerates(run);
    }

    [Fact]
    public void Aliases_that_reuse_a_parameter_a_few_times_still_generate()
    {
        const string spec = """
            openapi: 3.0.3
            info: { title: Reuse, version: "1" }
            paths:
              /a:
                get:
                  operationId: getA
                  parameters: [ &limit { name: limit, in: query, schema: { type: integer } } ]
                  responses: { '204': { description: ok } }
              /b:
                get:
                  operationId: getB
                  parameters: [ *limit ]
                  responses: { '204': { description: ok } }
            """;
        var run = new GeneratorHarness().AddSpec("/specs/reuse.yaml", spec).Run();

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Empty(run.CompileProblems());
        Assert.Contains(run.Sources.Values, s => s.Contains("GetBAsync(long? limit = null"));
    }

    [Fact]
    public void A_security_scheme_without_a_value_is_CG1001_at_its_key_and_the_client_generates()
    {
        const string spec = """
            openapi: 3.0.3
            info: { title: Schemes, version: "1" }
            paths:
              /ping:
                get:
                  operationId: ping
                  security: [ { bearerAuth: [] } ]
                  responses: { '204': { description: ok } }
            components:
              securitySchemes:
                bearerAuth:
            """;
        var run = RunBesideGood("/specs/schemes.yaml", spec);

        var diagnostic = Single(run, "CG1001");
        Assert.Contains("bearerAuth", diagnostic.GetMessage());
        Assert.Equal(10, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains(run.Sources.Keys, k => k.Contains("SchemesClient"));
        AssertGoodStillGenerates(run);
    }

    [Theory]
    [InlineData("minDelay: 1e99999", "minDelay")]
    [InlineData("minDelay: 1e300", "minDelay")]
    [InlineData("maxDelay: -5", "maxDelay")]
    [InlineData("timeout: 0", "timeout")]
    [InlineData("timeout: soon", "timeout")]
    [InlineData("{ minDelay: 60, maxDelay: 5 }", "longer than maxDelay")]
    public void A_waiter_delay_out_of_range_is_CG1004_and_the_code_compiles(string setting, string named)
    {
        var settings = setting.StartsWith('{') ? setting.Trim('{', '}').Split(',').Select(s => s.Trim()).ToArray() : new[] { setting };
        var spec = """
            openapi: 3.0.3
            info: { title: Jobs, version: "1" }
            paths:
              /jobs/{id}:
                get:
                  operationId: getJob
                  x-clientgen-waiters:
                    JobDone:
                      statusPath: status
                      success: [done]

            """ + string.Concat(settings.Select(s => "          " + s + "\n")) + """
                  parameters: [ { name: id, in: path, required: true, schema: { type: string } } ]
                  responses:
                    '200':
                      description: ok
                      content: { application/json: { schema: { type: object, properties: { status: { type: string } } } } }
            """;
        var run = new GeneratorHarness().AddSpec("/specs/jobs.yaml", spec).Run();

        var diagnostic = Single(run, "CG1004");
        Assert.Contains(named, diagnostic.GetMessage());
        Assert.Empty(run.CompileProblems());
        Assert.DoesNotContain(run.Sources.Values, s => s.Contains("WaitForJobDoneAsync"));
    }

    [Fact]
    public void An_unknown_type_word_is_CG1006_at_its_line_and_only_at_schema_positions()
    {
        const string spec = """
            openapi: 3.0.3
            info: { title: Words, version: "1" }
            paths:
              /things:
                get:
                  operationId: listThings
                  parameters: [ { name: q, in: query, schema: { type: strnig } } ]
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/Thing' }
                          example: { type: gadget }
            components:
              securitySchemes:
                key: { type: apiKey, in: header, name: X-Key }
              schemas:
                Thing:
                  type: object
                  properties:
                    type: { type: string }
                    size: { type: integr }
            """;
        var run = new GeneratorHarness().AddSpec("/specs/words.yaml", spec).Run();

        var warnings = run.GeneratorDiagnostics.Where(d => d.Id == "CG1006").OrderBy(d => d.Location.GetLineSpan().StartLinePosition.Line).ToList();
        Assert.True(warnings.Count == 2, run.Describe(run.GeneratorDiagnostics));
        Assert.Equal(new[] { "strnig", "integr" }, warnings.Select(w => w.GetMessage().Split('\'')[1]));
        Assert.Equal(6, warnings[0].Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal(22, warnings[1].Location.GetLineSpan().StartLinePosition.Line);
        Assert.Empty(run.CompileProblems());
    }

    [Theory]
    [InlineData(1_000)]
    [InlineData(50_000)]
    public void A_graphql_selection_thousands_deep_is_CG2001_not_a_stack_overflow(int depth)
    {
        var operation = "query q " + string.Concat(Enumerable.Repeat("{ node ", depth)) + "{ id }" + new string('}', depth);
        var run = new GeneratorHarness()
            .AddSpec("/gql/deep/schema.graphql", "type Query { node: Node }\ntype Node { id: ID, node: Node }")
            .AddSpec("/gql/deep/operations.graphql", operation)
            .AddSpec("/specs/good.yaml", TestSpecs.Good, ns: "TestApp.Good")
            .Run();

        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "CG2001" && d.Location.GetLineSpan().Path == "/gql/deep/operations.graphql");
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "CG0005");
        AssertGoodStillGenerates(run);
    }
}
