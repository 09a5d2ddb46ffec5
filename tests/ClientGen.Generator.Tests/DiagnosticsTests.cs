using System.Linq;
using ClientGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ClientGen.Generator.Tests;

/// <summary>A broken spec gets an error at its file, line and column; the generator never throws and other specs still generate.</summary>
public sealed class DiagnosticsTests
{
    private static Diagnostic Single(GeneratorRun run, string id) => run.SingleDiagnostic(id);

    [Fact]
    public void Invalid_yaml_is_CG0001_at_the_offending_line()
    {
        const string spec = "openapi: 3.0.3\ninfo:\n  title: Broken\n  version: '1'\npaths:\n  /a:\n    get: [unclosed\n";
        var run = new GeneratorHarness().AddSpec("/specs/broken.yaml", spec).Run();

        var diagnostic = Single(run, "CG0001");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("/specs/broken.yaml", diagnostic.Location.GetLineSpan().Path);
        Assert.InRange(diagnostic.Location.GetLineSpan().StartLinePosition.Line, 6, 7);
    }

    [Fact]
    public void A_truncated_json_spec_is_CG0001_and_the_other_specs_still_generate()
    {
        const string truncated = "{\n  \"openapi\": \"3.0.3\",\n  \"info\": { \"title\": \"Cut\", \"version\": \"1\" },\n  \"paths\": {\n    \"/a\": { \"get\": { \"operationId\": \"a\", \"respon";
        var run = new GeneratorHarness()
            .AddSpec("/specs/cut.json", truncated)
            .AddSpec("/specs/good.yaml", TestSpecs.Good, ns: "TestApp.Good")
            .Run();

        var diagnostic = Single(run, "CG0001");
        Assert.Equal("/specs/cut.json", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(4, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("TestApp.Good.GoodClient.g.cs", run.Sources.Keys);
        Assert.DoesNotContain(run.Sources.Keys, k => k.Contains("Cut"));
        Assert.Empty(run.CompileProblems());
    }

    [Fact]
    public void A_track_id_header_that_is_not_a_header_name_is_CG1001_at_the_extension_and_the_client_still_generates()
    {
        const string spec = """
            openapi: 3.0.3
            info: { title: Traced, version: "1" }
            x-clientgen-track-id-header: "Not a header: name"
            x-clientgen-request-id-header: [ a, b ]
            paths:
              /pets:
                get:
                  operationId: listPets
                  responses:
                    '204': { description: ok }
            """;
        var run = new GeneratorHarness().AddSpec("/specs/traced.yaml", spec).Run();

        var lines = run.GeneratorDiagnostics.Where(d => d.Id == "CG1001").Select(d => d.Location.GetLineSpan().StartLinePosition.Line).OrderBy(l => l).ToList();
        Assert.Equal(new[] { 2, 3 }, lines);
        Assert.Contains(run.Sources.Keys, k => k.EndsWith("TracedClient.g.cs", System.StringComparison.Ordinal));
        Assert.DoesNotContain(run.Sources.Values, text => text.Contains("TrackIdHeaders =", System.StringComparison.Ordinal));
        Assert.Empty(run.CompileProblems());
    }

    [Theory]
    [InlineData("{ items: data, offset: skip }", "no parameter 'skip'")]
    [InlineData("{ items: data, offset: start, page: start }", "exactly one of offset, page or token")]
    [InlineData("{ items: total, offset: start }", "is not a list")]
    [InlineData("{ items: data, token: start, next: data }", "is not a string")]
    [InlineData("{ items: data, offset: start, size: limit }", "needs a defaultSize")]
    [InlineData("[ data ]", "must be an object")]
    public void A_pagination_that_does_not_fit_its_operation_is_CG1008_there_and_the_operation_still_generates(string declaration, string reason)
    {
        var spec = $$"""
            openapi: 3.0.3
            info: { title: Paged, version: "1" }
            paths:
              /things:
                get:
                  operationId: listThings
                  x-clientgen-pagination: {{declaration}}
                  parameters:
                    - { name: start, in: query, schema: { type: integer } }
                    - { name: limit, in: query, required: true, schema: { type: integer } }
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              data: { type: array, items: { type: string } }
                              total: { type: integer }
            """;
        var run = new GeneratorHarness().AddSpec("/specs/paged.yaml", spec).Run();

        var diagnostic = Single(run, "CG1008");
        Assert.Equal(6, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains(reason, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        var client = run.Sources.Single(k => k.Key.EndsWith(".PagedClient.g.cs", System.StringComparison.Ordinal)).Value;
        Assert.Contains("ListThingsAsync(", client);
        Assert.DoesNotContain("IAsyncEnumerable", client);
        Assert.Empty(run.CompileProblems());
    }

    [Theory]
    [InlineData("select: runNumber", "no string or integer property 'runNumber'")]
    [InlineData("select: id\n          arguments: { verbose: true }", "no optional parameter 'verbose'")]
    [InlineData("select: id\n          arguments: { includeDone: 3 }", "no optional parameter 'includeDone'")]
    public void A_listing_waiter_that_does_not_fit_is_CG1004_and_the_listing_still_generates(string selection, string reason)
    {
        var spec = $$"""
            openapi: 3.0.3
            info: { title: Runs, version: "1" }
            paths:
              /runs:
                get:
                  operationId: listRuns
                  x-clientgen-waiters:
                    Run:
                      {{selection}}
                      statusPath: state
                      success: [done]
                  parameters:
                    - { name: includeDone, in: query, schema: { type: boolean } }
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            type: array
                            items: { type: object, properties: { id: { type: integer }, state: { type: string } } }
            """;
        var run = new GeneratorHarness().AddSpec("/specs/runs.yaml", spec).Run();

        var diagnostic = Single(run, "CG1004");
        Assert.Contains(reason, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        var client = run.Sources.Single(k => k.Key.EndsWith(".RunsClient.g.cs", System.StringComparison.Ordinal)).Value;
        Assert.Contains("ListRunsAsync(", client);
        Assert.DoesNotContain("WaitForRunAsync", client);
        Assert.Empty(run.CompileProblems());
    }

    [Fact]
    public void A_listing_waiter_follows_the_item_with_the_id_and_compiles()
    {
        const string spec = """
            openapi: 3.0.3
            info: { title: Runs, version: "1" }
            paths:
              /runs:
                get:
                  operationId: listRuns
                  x-clientgen-waiters:
                    Run: { select: id, arguments: { includeDone: true }, statusPath: state, success: [done], failure: [failed] }
                  parameters:
                    - { name: includeDone, in: query, schema: { type: boolean } }
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              runs: { type: array, items: { type: object, properties: { id: { type: string }, state: { type: string } } } }
            """;
        var withItemsPath = spec.Replace("select: id,", "select: id, itemsPath: runs,");
        var run = new GeneratorHarness().AddSpec("/specs/runs.yaml", withItemsPath).Run();

        var client = run.Sources.Single(k => k.Key.EndsWith(".RunsClient.g.cs", System.StringComparison.Ordinal)).Value;
        Assert.Contains("WaitForRunAsync(string id,", client);
        Assert.Contains("ListRunsAsync(includeDone: true, callOptions: __calls, cancellationToken: ct)", client);
        Assert.Contains("ResumeRunAsync(", client);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "CG1004");
        Assert.Empty(run.CompileProblems());
    }

    [Fact]
    public void A_dangling_ref_is_CG0003_at_the_ref()
    {
        const string spec = """
            openapi: 3.0.3
            info: { title: Dangling, version: "1" }
            paths:
              /pets:
                get:
                  operationId: listPets
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/Missing'
            components:
              schemas: {}
            """;
        var run = new GeneratorHarness().AddSpec("/specs/dangling.yaml", spec).Run();

        var diagnostic = Single(run, "CG0003");
        Assert.Contains("#/components/schemas/Missing", diagnostic.GetMessage());
        Assert.Equal(12, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void A_ref_to_a_file_that_is_not_an_additional_file_is_CG0003()
    {
        const string spec = """
            openapi: 3.0.3
            info: { title: External, version: "1" }
            paths:
              /pets:
                get:
                  operationId: listPets
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            $ref: 'schemas/pet.yaml'
            """;
        var run = new GeneratorHarness().AddSpec("/specs/external.yaml", spec).Run();

        var diagnostic = Single(run, "CG0003");
        Assert.Contains("AdditionalFiles", diagnostic.GetMessage());
        Assert.Equal(12, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void An_external_ref_is_served_from_additional_files()
    {
        const string spec = """
            openapi: 3.0.3
            info: { title: Split, version: "1" }
            paths:
              /pets:
                get:
                  operationId: listPets
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            $ref: 'schemas/pet.yaml'
            """;
        const string pet = "type: object\nrequired: [name]\nproperties:\n  name: { type: string }\n";
        var run = new GeneratorHarness().AddSpec("/specs/split.yaml", spec).AddSpec("/specs/schemas/pet.yaml", pet).Run();

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileProblems());
        Assert.Contains(run.Sources.Values, s => s.Contains("public required string Name { get; init; }"));
    }

    [Fact]
    public void Duplicate_operation_ids_are_CG0004_at_the_second_operation()
    {
        const string spec = """
            openapi: 3.0.3
            info: { title: Dupes, version: "1" }
            paths:
              /a:
                get:
                  operationId: fetch
                  responses: { '204': { description: ok } }
              /b:
                get:
                  operationId: fetch
                  responses: { '204': { description: ok } }
            """;
        var run = new GeneratorHarness().AddSpec("/specs/dupes.yaml", spec).Run();

        var diagnostic = Single(run, "CG0004");
        Assert.Contains("fetch", diagnostic.GetMessage());
        Assert.Equal(9, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void An_operation_id_reused_under_different_tags_names_each_method_by_its_tag_with_CG1005()
    {
        const string spec = """
            openapi: 3.0.3
            info: { title: Groups, version: "1" }
            paths:
              /api/v1/:
                get:
                  tags: [core_v1]
                  operationId: getAPIResources
                  responses: { '204': { description: ok } }
              /apis/apps/v1/:
                get:
                  tags: [apps_v1]
                  operationId: getAPIResources
                  responses: { '204': { description: ok } }
            """;
        var run = new GeneratorHarness().AddSpec("/specs/groups.yaml", spec).Run();

        var diagnostic = Single(run, "CG1005");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains("CoreV1GetAPIResourcesAsync", diagnostic.GetMessage());
        Assert.Empty(run.CompileProblems());
        var client = run.Output.GetTypeByMetadataName("TestApp.IGroupsClient") ?? throw new Xunit.Sdk.XunitException(string.Join(", ", run.Sources.Keys));
        Assert.Equal(new[] { "AppsV1GetAPIResourcesAsync", "CoreV1GetAPIResourcesAsync" }, client.GetMembers().OfType<IMethodSymbol>().Select(m => m.Name).Order());
    }

    [Fact]
    public void A_yaml_spec_cut_off_mid_string_is_CG0001()
    {
        var run = new GeneratorHarness().AddSpec("/specs/cut.yaml", "openapi: 3.0.0\ninfo:\n  title: 'unterminated\n  version: 1\n").Run();

        var diagnostic = Single(run, "CG0001");
        Assert.Equal("/specs/cut.yaml", diagnostic.Location.GetLineSpan().Path);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void Unrelated_json_and_yaml_files_are_ignored_silently()
    {
        var run = new GeneratorHarness()
            .AddSpec("/app/appsettings.json", "{ \"Logging\": { \"LogLevel\": { \"Default\": \"Information\" } } }")
            .AddSpec("/app/docker-compose.yml", "services:\n  web:\n    image: nginx\n")
            .Run();

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void Unsupported_constructs_get_a_warning_naming_them_and_still_generate()
    {
        const string spec = """
            openapi: 3.0.3
            info: { title: Odd, version: "1" }
            paths:
              /upload:
                post:
                  operationId: upload
                  requestBody:
                    content:
                      multipart/mixed:
                        schema: { type: object, properties: { file: { type: string, format: binary } } }
                  responses: { '204': { description: ok } }
            """;
        var run = new GeneratorHarness().AddSpec("/specs/odd.yaml", spec).Run();

        var media = Single(run, "CG1003");
        Assert.Equal(DiagnosticSeverity.Warning, media.Severity);
        Assert.Contains("multipart/mixed", media.GetMessage());
        Assert.Empty(run.CompileProblems());
        Assert.Contains(run.Sources.Values, s => s.Contains("global::System.Net.Http.HttpContent? body = null"));
    }

    [Fact]
    public void A_waiter_whose_status_path_does_not_exist_is_CG1004_and_the_client_still_generates()
    {
        const string spec = """
            openapi: 3.0.3
            info: { title: Jobs, version: "1" }
            paths:
              /jobs/{id}:
                get:
                  operationId: getJob
                  x-clientgen-waiters:
                    JobDone:
                      statusPath: job.state
                      success: [done]
                  parameters: [ { name: id, in: path, required: true, schema: { type: string } } ]
                  responses:
                    '200':
                      description: ok
                      content: { application/json: { schema: { type: object, properties: { status: { type: string } } } } }
            """;
        var run = new GeneratorHarness().AddSpec("/specs/jobs.yaml", spec).Run();

        var diagnostic = Single(run, "CG1004");
        Assert.Contains("JobDone", diagnostic.GetMessage());
        Assert.Contains("job", diagnostic.GetMessage());
        Assert.Equal(7, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Empty(run.CompileProblems());
        Assert.DoesNotContain(run.Sources.Values, s => s.Contains("WaitForJobDoneAsync"));
    }
}
