using System.Linq;
using ClientGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ClientGen.Generator.Tests;

/// <summary>What IntelliSense shows: spec text escaped exactly once, the generator's own markup kept as markup.</summary>
public sealed class XmlDocTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Docs, version: "1" }
        paths:
          /customers/{customerId}:
            get:
              operationId: getCustomer
              summary: Gets a customer where balance < 0 & "overdue"
              parameters:
                - { name: customerId, in: path, required: true, schema: { type: string } }
                - { name: filter, in: query, description: 'Use <b>tags</b> & more', schema: { type: string } }
              responses:
                '200':
                  description: ok
                  content: { application/json: { schema: { $ref: '#/components/schemas/Customer' } } }
        components:
          schemas:
            Customer: { type: object, properties: { tier: { $ref: '#/components/schemas/Tier' } } }
            Tier: { type: string, enum: [gold, silver] }
        """;

    [Fact]
    public void Spec_text_is_escaped_once_and_generated_markup_is_not_escaped()
    {
        var run = new GeneratorHarness().AddSpec("/specs/docs.yaml", Spec).Run();
        var client = run.Sources["TestApp.IDocsClient.g.cs"];
        var tier = run.Sources["TestApp.Tier.g.cs"];
        var customer = run.Sources["TestApp.Customer.g.cs"];

        Assert.Contains("/// <param name=\"customerId\">The path parameter <c>customerId</c>.</param>", client);
        Assert.Contains("Use &lt;b&gt;tags&lt;/b&gt; &amp; more", client);
        Assert.Contains("Gets a customer where balance &lt; 0 &amp; \"overdue\"", client);
        Assert.Contains("(<see cref=\"IsKnown\"/>)", tier);
        Assert.Contains("/// <summary>The <c>Customer</c> schema.</summary>", customer);
        Assert.DoesNotContain(run.Sources.Values, s => s.Contains("&lt;c&gt;") || s.Contains("&amp;lt;") || s.Contains("&lt;see"));
        Assert.Empty(run.CompileProblems());
    }
}
