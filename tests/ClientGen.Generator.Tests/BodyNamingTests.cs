using ClientGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ClientGen.Generator.Tests;

/// <summary>A request body parameter takes the name the spec gives it, else its schema's; an inline schema's body stays <c>body</c>.</summary>
public sealed class BodyNamingTests
{
    [Fact]
    public void The_body_is_named_by_the_extension_else_by_the_schema_it_references_else_body()
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

        Assert.Contains("CreateOrderAsync(global::TestApp.Order order,", client);
        Assert.Contains("CreateOrdersAsync(global::System.Collections.Generic.IReadOnlyList<global::TestApp.Order> orders,", client);
        Assert.Contains("CreateNamedAsync(global::TestApp.Order draft,", client);
        Assert.Contains("AddNoteAsync(global::TestApp.AddNoteRequest body,", client);
        Assert.Empty(run.CompileProblems());
    }

    [Fact]
    public void Headers_the_runtime_owns_are_not_parameters_and_the_others_stay()
    {
        const string spec = """
            openapi: 3.0.3
            info: { title: Keys, version: "1" }
            security: [ { key: [] } ]
            paths:
              /things:
                get:
                  operationId: listThings
                  parameters:
                    - { name: Authorization, in: header, required: true, schema: { type: string } }
                    - { name: Accept, in: header, schema: { type: string } }
                    - { name: Content-Type, in: header, schema: { type: string } }
                    - { name: Accept-Encoding, in: header, schema: { type: string } }
                    - { name: X-Api-Key, in: header, required: true, schema: { type: string } }
                    - { name: Idempotency-Key, in: header, schema: { type: string } }
                    - { name: X-Tenant, in: header, required: true, schema: { type: string } }
                    - { name: callOptions, in: query, schema: { type: string } }
                  responses: { '204': { description: ok } }
            components:
              securitySchemes:
                key: { type: apiKey, in: header, name: X-Api-Key }
            """;
        var run = new GeneratorHarness().AddSpec("/specs/keys.yaml", spec).Run();
        var client = run.Sources["TestApp.IKeysClient.g.cs"];

        // A query parameter that happens to be called callOptions moves aside for the runtime's.
        Assert.Contains("ListThingsAsync(string xTenant, string? callOptions2 = null, global::ClientGen.Runtime.ApiCallOptions? callOptions = null, global::System.Threading.CancellationToken cancellationToken = default)", client);
        Assert.Empty(run.CompileProblems());
    }
}
