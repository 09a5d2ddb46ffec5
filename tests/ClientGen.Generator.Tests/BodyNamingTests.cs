using ClientGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ClientGen.Generator.Tests;

/// <summary>A request body parameter takes the name the spec gives it; without one it stays <c>body</c>.</summary>
public sealed class BodyNamingTests
{
    [Fact]
    public void The_body_is_named_by_the_extension_else_body()
    {
        const string spec = """
            openapi: 3.0.3
            info: { title: Shop, version: "1" }
            paths:
              /orders:
                post:
                  operationId: createOrder
                  requestBody: { required: true, content: { application/json: { schema: { $ref: '#/components/schemas/Order' } } } }
                  responses: { '204': { description: ok } }
              /orders/batch:
                post:
                  operationId: createOrders
                  requestBody: { required: true, content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/Order' } } } } }
                  responses: { '204': { description: ok } }
              /orders/named:
                post:
                  operationId: createNamed
                  x-codegen-request-body-name: draft
                  requestBody: { required: true, content: { application/json: { schema: { $ref: '#/components/schemas/Order' } } } }
                  responses: { '204': { description: ok } }
              /notes:
                post:
                  operationId: addNote
                  requestBody: { required: true, content: { application/json: { schema: { type: object, properties: { text: { type: string } } } } } }
                  responses: { '204': { description: ok } }
            components:
              schemas:
                Order: { type: object, properties: { id: { type: string } } }
            """;
        var run = new GeneratorHarness().AddSpec("/specs/shop.yaml", spec).Run();
        var client = run.Sources["TestApp.IShopClient.g.cs"];

        Assert.Contains("CreateOrderAsync(global::TestApp.Order body,", client);
        Assert.Contains("CreateOrdersAsync(global::System.Collections.Generic.IReadOnlyList<global::TestApp.Order> body,", client);
        Assert.Contains("CreateNamedAsync(global::TestApp.Order draft,", client);
        Assert.Contains("AddNoteAsync(global::TestApp.AddNoteRequest body,", client);
        Assert.Empty(run.CompileProblems());
    }
}
