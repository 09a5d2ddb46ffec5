using System.Linq;
using ClientGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ClientGen.Generator.Tests;

/// <summary>An inline schema is named after its record and property, without saying a word twice.</summary>
public sealed class InlineTypeNameTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Envelopes, version: "1" }
        paths: {}
        components:
          schemas:
            RunReportResponse:
              type: object
              properties:
                success: { type: boolean }
                response: { type: object, properties: { reportRunId: { type: string } } }
            ListResponse:
              type: object
              properties:
                response: { type: object, properties: { total: { type: integer } } }
            ListResult: { type: object, properties: { kept: { type: string } } }
            Order:
              type: object
              properties:
                customer: { type: object, properties: { name: { type: string } } }
        """;

    [Fact]
    public void An_envelopes_payload_is_its_result_not_a_response_response()
    {
        var names = new GeneratorHarness().AddSpec("/specs/envelopes.yaml", Spec).Run().Sources.Keys.ToList();

        Assert.Contains("TestApp.RunReportResult.g.cs", names);
        Assert.DoesNotContain(names, n => n.Contains("ResponseResponse"));
    }

    [Fact]
    public void A_result_name_the_spec_already_uses_falls_back_to_data_and_other_properties_keep_both_words()
    {
        var run = new GeneratorHarness().AddSpec("/specs/envelopes.yaml", Spec).Run();

        Assert.Contains("TestApp.ListData.g.cs", run.Sources.Keys);
        Assert.Contains("TestApp.ListResult.g.cs", run.Sources.Keys);
        Assert.Contains("TestApp.OrderCustomer.g.cs", run.Sources.Keys);
        Assert.Empty(run.CompileProblems());
    }
}
