using System.Linq;
using ClientGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ClientGen.Generator.Tests;

/// <summary>Specs that share a namespace and a schema name: each moves to a namespace of its own, predictably, and everything compiles.</summary>
public sealed class NamespacePlacementTests
{
    private static string Spec(string title, string path, string schemas) => $$"""
        openapi: 3.0.3
        info: { title: {{title}}, version: "1" }
        paths:
          {{path}}:
            get:
              operationId: list
              responses:
                '200':
                  description: ok
                  content: { application/json: { schema: { $ref: '#/components/schemas/{{schemas.Split(',')[0]}}' } } }
        components:
          schemas:
        {{string.Concat(schemas.Split(',').Select(s => $"    {s}: {{ type: object, properties: {{ amount: {{ type: number }} }} }}\n"))}}
        """;

    [Fact]
    public void Two_specs_that_both_declare_Money_each_get_a_namespace_of_their_own_with_CG1007()
    {
        var run = new GeneratorHarness { RootNamespace = "Acme.Consumer" }
            .AddSpec("/specs/invoicing.yaml", Spec("Invoicing", "/invoices", "Money,Problem"))
            .AddSpec("/specs/shipping.yaml", Spec("Shipping", "/shipments", "Money,Problem,Parcel"))
            .AddSpec("/specs/catalog.yaml", Spec("Catalog", "/items", "Item"))
            .Run();

        var warnings = run.GeneratorDiagnostics.Where(d => d.Id == "CG1007").ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains(warnings, w => w.GetMessage().Contains("Money, Problem") && w.GetMessage().Contains("'Acme.Consumer.Invoicing'"));
        Assert.Contains("Acme.Consumer.Invoicing.Money.g.cs", run.Sources.Keys);
        Assert.Contains("Acme.Consumer.Shipping.Money.g.cs", run.Sources.Keys);
        Assert.Contains("Acme.Consumer.Shipping.Parcel.g.cs", run.Sources.Keys);
        // A spec that collides with nothing stays where its options put it.
        Assert.Contains("Acme.Consumer.CatalogClient.g.cs", run.Sources.Keys);
        Assert.DoesNotContain(run.DriverDiagnostics, d => d.Id == "CS8785");
        Assert.Empty(run.CompileProblems());
    }

    [Fact]
    public void Two_specs_with_one_title_get_two_namespaces_even_with_one_file_name()
    {
        var run = new GeneratorHarness { RootNamespace = "Acme" }
            .AddSpec("/specs/v1/api.yaml", Spec("Store", "/a", "Order"))
            .AddSpec("/specs/v2/api.yaml", Spec("Store", "/b", "Order"))
            .Run();

        Assert.Equal(2, run.GeneratorDiagnostics.Count(d => d.Id == "CG1007"));
        Assert.Contains("Acme.Api.StoreClient.g.cs", run.Sources.Keys);
        Assert.Contains("Acme.Api2.StoreClient.g.cs", run.Sources.Keys);
        Assert.Empty(run.CompileProblems());
    }

    [Fact]
    public void A_graphql_client_and_a_rest_client_that_share_a_type_name_are_placed_apart()
    {
        var run = new GeneratorHarness { RootNamespace = "Acme" }
            .AddSpec("/specs/store.yaml", Spec("Store", "/a", "Money"))
            .AddSpec("/gql/store/schema.graphql", "type Query { price: Money } type Money { amount: Float }")
            .AddSpec("/gql/store/ops.graphql", "query Price { price { amount } }")
            .AddSpec("/specs/money.yaml", Spec("Money Api", "/m", "PriceResult"))
            .Run();

        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "CG1007");
        Assert.DoesNotContain(run.DriverDiagnostics, d => d.Id == "CS8785");
        Assert.Empty(run.CompileProblems());
    }
}
