using System.Linq;
using ClientGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ClientGen.Generator.Tests;

/// <summary>A spec type named like a type the generator emits beside the client is renamed, never a duplicate definition.</summary>
public sealed class CompanionTypeNameTests
{
    [Fact]
    public void OpenAPI_schemas_named_like_the_clients_companion_types_are_renamed_and_compile()
    {
        const string spec = """
            openapi: 3.0.3
            info: { title: Inventory, version: "1" }
            paths:
              /a:
                get:
                  operationId: getA
                  responses:
                    '200':
                      description: ok
                      content: { application/json: { schema: { $ref: '#/components/schemas/InventoryClientJsonResolver' } } }
            components:
              schemas:
                InventoryClientJsonResolver: { type: object, properties: { next: { $ref: '#/components/schemas/InventoryClientServiceCollectionExtensions' } } }
                InventoryClientServiceCollectionExtensions: { type: object, properties: { id: { type: string } } }
            """;

        var run = new GeneratorHarness().AddSpec("/specs/inventory.yaml", spec).Run();

        Assert.Empty(run.CompileProblems());
        Assert.Contains("TestApp.InventoryClientJsonResolver2.g.cs", run.Sources.Keys);
        Assert.Contains("TestApp.InventoryClientServiceCollectionExtensions2.g.cs", run.Sources.Keys);
    }

    [Fact]
    public void GraphQL_types_named_like_the_clients_companion_types_are_renamed_and_compile()
    {
        var run = new GeneratorHarness()
            .AddSpec("/api/parts/schema.graphql", "type Query { part: Part } type Part { id: ID! kind: PartsClientJsonResolver } enum PartsClientJsonResolver { BOLT NUT }")
            .AddSpec("/api/parts/operations.graphql", "query GetPart { part { id kind } }")
            .Run();

        Assert.Empty(run.CompileProblems());
        Assert.Equal(new[] { "PartsClientJsonResolver", "PartsClientJsonResolver2" }, run.Sources.Keys.Where(k => k.Contains("JsonResolver", System.StringComparison.Ordinal)).Select(k => k.Split('.')[^3]).OrderBy(k => k, System.StringComparer.Ordinal));
    }
}
