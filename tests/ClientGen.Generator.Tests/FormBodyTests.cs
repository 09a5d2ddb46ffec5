using System.Linq;
using ClientGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ClientGen.Generator.Tests;

/// <summary>Form bodies are typed: the model, its spec's encodings for the runtime, and no parameter for a form that can hold nothing.</summary>
public sealed class FormBodyTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Pay, version: "1" }
        paths:
          /v1/charges:
            get:
              operationId: listCharges
              requestBody:
                content:
                  application/x-www-form-urlencoded:
                    encoding: {}
                    schema: { type: object, properties: {}, additionalProperties: false }
              responses: { '204': { description: ok } }
            post:
              operationId: createCharge
              requestBody:
                required: true
                content:
                  application/x-www-form-urlencoded:
                    encoding:
                      metadata: { style: deepObject, explode: true }
                      expand: { style: deepObject, explode: true }
                    schema:
                      type: object
                      required: [amount]
                      properties:
                        amount: { type: integer }
                        expand: { type: array, items: { type: string } }
                        metadata: { type: object, additionalProperties: { type: string } }
              responses: { '204': { description: ok } }
        """;

    [Fact]
    public void A_form_that_can_hold_nothing_has_no_body_parameter_and_no_warning()
    {
        var run = new GeneratorHarness().AddSpec("/specs/pay.yaml", Spec).Run();

        Assert.Contains("ListChargesAsync(global::ClientGen.Runtime.ApiCallOptions? callOptions = null", run.Sources["TestApp.IPayClient.g.cs"]);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "CG1003");
        Assert.Empty(run.CompileProblems());
    }

    [Fact]
    public void A_form_body_is_the_typed_model_and_carries_the_specs_encodings()
    {
        var run = new GeneratorHarness().AddSpec("/specs/pay.yaml", Spec).Run();
        var client = run.Sources["TestApp.PayClient.g.cs"];

        Assert.Contains("CreateChargeAsync(global::TestApp.CreateChargeRequest body,", run.Sources["TestApp.IPayClient.g.cs"]);
        Assert.Contains("new(\"metadata\", \"deepObject\", true, false)", client);
        Assert.Contains("new(\"expand\", \"deepObject\", true, false)", client);
        Assert.Empty(run.CompileProblems());
    }
}
