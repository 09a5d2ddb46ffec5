using ClientGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ClientGen.Generator.Tests;

/// <summary><c>const</c> without a <c>type</c> (OpenAPI 3.1) is typed by its value, not left as JsonElement.</summary>
public sealed class ConstTests
{
    [Fact]
    public void A_const_property_has_the_type_of_its_value()
    {
        const string spec = """
            openapi: 3.1.0
            info: { title: Const, version: "1" }
            paths:
              /pay:
                post:
                  operationId: pay
                  requestBody:
                    content: { application/json: { schema: { $ref: '#/components/schemas/Payment' } } }
                  responses: { '204': { description: ok } }
            components:
              schemas:
                Payment:
                  type: object
                  required: [kind]
                  properties:
                    kind: { const: card }
                    version: { const: 2 }
                    live: { const: true }
                    ratio: { const: 0.5 }
            """;
        var run = new GeneratorHarness().AddSpec("/specs/const.yaml", spec).Run();
        var payment = run.Sources["TestApp.Payment.g.cs"];

        Assert.Contains("public required string Kind { get; init; }", payment);
        Assert.Contains("public long? Version { get; init; }", payment);
        Assert.Contains("public bool? Live { get; init; }", payment);
        Assert.Contains("public double? Ratio { get; init; }", payment);
        Assert.Empty(run.CompileProblems());
    }
}
