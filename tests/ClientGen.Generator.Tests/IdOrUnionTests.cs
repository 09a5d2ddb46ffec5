using ClientGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ClientGen.Generator.Tests;

/// <summary>An "id or object" union (Stripe's expandable fields) is typed, not a JsonElement.</summary>
public sealed class IdOrUnionTests
{
    [Fact]
    public void A_string_or_object_union_is_an_IdOr_of_the_record_without_a_warning_and_other_unions_still_warn()
    {
        const string spec = """
            openapi: 3.0.3
            info: { title: Pay, version: "1" }
            paths:
              /v1/charges/{id}:
                get:
                  operationId: getCharge
                  parameters: [ { name: id, in: path, required: true, schema: { type: string } } ]
                  responses:
                    '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Charge' } } } }
            components:
              schemas:
                Customer: { type: object, properties: { name: { type: string } } }
                Charge:
                  type: object
                  properties:
                    customer:
                      nullable: true
                      anyOf: [ { type: string, maxLength: 5000 }, { $ref: '#/components/schemas/Customer' } ]
                    amount:
                      anyOf: [ { type: integer }, { type: string } ]
            """;
        var run = new GeneratorHarness().AddSpec("/specs/pay.yaml", spec).Run();
        var charge = run.Sources["TestApp.Charge.g.cs"];

        Assert.Contains("global::ClientGen.Runtime.IdOr<global::TestApp.Customer>? Customer", charge);
        Assert.Contains("global::System.Text.Json.JsonElement? Amount", charge);
        Assert.Contains("amount", run.SingleDiagnostic("CG1002").GetMessage(), System.StringComparison.OrdinalIgnoreCase);
        Assert.Empty(run.CompileProblems());
    }
}
