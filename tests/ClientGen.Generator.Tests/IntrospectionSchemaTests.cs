using System.Linq;
using ClientGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ClientGen.Generator.Tests;

/// <summary>A GraphQL introspection result (<c>schema.json</c>, as StrawberryShake keeps it) is a schema like SDL.</summary>
public sealed class IntrospectionSchemaTests
{
    private const string Sdl = """
        schema { query: Query mutation: Mutation }
        "A product."
        type Product implements Node { id: ID! title: String @deprecated(reason: "Use name") name: String! tags(first: Int = 10): [String!]! kind: Kind }
        interface Node { id: ID! }
        enum Kind { BOOK MUSIC }
        input ProductInput { name: String! kind: Kind = BOOK }
        union SearchResult = Product
        scalar DateTime
        type Query { product(id: ID!): Product search(text: String!): [SearchResult!]! now: DateTime }
        type Mutation { createProduct(input: ProductInput!): Product }
        """;

    private static string Named(string name) => $$"""{"kind":"OBJECT","name":"{{name}}","ofType":null}""";
    private static string Scalar(string name) => $$"""{"kind":"SCALAR","name":"{{name}}","ofType":null}""";
    private static string NonNull(string inner) => $$"""{"kind":"NON_NULL","name":null,"ofType":{{inner}}}""";
    private static string ListOf(string inner) => $$"""{"kind":"LIST","name":null,"ofType":{{inner}}}""";

    // The same schema as graphql-js's getIntrospectionQuery() returns it.
    private static readonly string Introspection = $$"""
        {"data":{"__schema":{
          "queryType":{"name":"Query"},"mutationType":{"name":"Mutation"},"subscriptionType":null,
          "types":[
            {"kind":"OBJECT","name":"Product","description":"A product.","interfaces":[{"kind":"INTERFACE","name":"Node","ofType":null}],"fields":[
              {"name":"id","args":[],"type":{{NonNull(Scalar("ID"))}},"isDeprecated":false,"deprecationReason":null},
              {"name":"title","args":[],"type":{{Scalar("String")}},"isDeprecated":true,"deprecationReason":"Use name"},
              {"name":"name","args":[],"type":{{NonNull(Scalar("String"))}},"isDeprecated":false},
              {"name":"tags","args":[{"name":"first","type":{{Scalar("Int")}},"defaultValue":"10"}],"type":{{NonNull(ListOf(NonNull(Scalar("String"))))}},"isDeprecated":false},
              {"name":"kind","args":[],"type":{"kind":"ENUM","name":"Kind","ofType":null},"isDeprecated":false}]},
            {"kind":"INTERFACE","name":"Node","fields":[{"name":"id","args":[],"type":{{NonNull(Scalar("ID"))}}}],"interfaces":[],"possibleTypes":[{{Named("Product")}}]},
            {"kind":"ENUM","name":"Kind","enumValues":[{"name":"BOOK","isDeprecated":false},{"name":"MUSIC","isDeprecated":false}]},
            {"kind":"INPUT_OBJECT","name":"ProductInput","inputFields":[{"name":"name","type":{{NonNull(Scalar("String"))}},"defaultValue":null},{"name":"kind","type":{"kind":"ENUM","name":"Kind","ofType":null},"defaultValue":"BOOK"}]},
            {"kind":"UNION","name":"SearchResult","possibleTypes":[{{Named("Product")}}]},
            {"kind":"SCALAR","name":"DateTime"},
            {"kind":"SCALAR","name":"String"},{"kind":"SCALAR","name":"ID"},{"kind":"SCALAR","name":"Int"},{"kind":"SCALAR","name":"Boolean"},
            {"kind":"OBJECT","name":"Query","interfaces":[],"fields":[
              {"name":"product","args":[{"name":"id","type":{{NonNull(Scalar("ID"))}},"defaultValue":null}],"type":{{Named("Product")}}},
              {"name":"search","args":[{"name":"text","type":{{NonNull(Scalar("String"))}},"defaultValue":null}],"type":{{NonNull(ListOf(NonNull("""{"kind":"UNION","name":"SearchResult","ofType":null}""")))}}},
              {"name":"now","args":[],"type":{{Scalar("DateTime")}}}]},
            {"kind":"OBJECT","name":"Mutation","interfaces":[],"fields":[
              {"name":"createProduct","args":[{"name":"input","type":{{NonNull("""{"kind":"INPUT_OBJECT","name":"ProductInput","ofType":null}""")}},"defaultValue":null}],"type":{{Named("Product")}}}]},
            {"kind":"OBJECT","name":"__Schema","fields":[]}
          ],
          "directives":[]} } }
        """;

    private const string Operations = """
        query product($id: ID!) { product(id: $id) { id title name tags kind } }
        query search($text: String!) { search(text: $text) { ... on Product { id name } } now }
        mutation create($input: ProductInput!) { createProduct(input: $input) { id } }
        """;

    [Fact]
    public void An_introspection_schema_generates_the_same_client_as_its_sdl()
    {
        var fromJson = new GeneratorHarness().AddSpec("/gql/shop/schema.json", Introspection).AddSpec("/gql/shop/operations.graphql", Operations).Run();
        var fromSdl = new GeneratorHarness().AddSpec("/gql/shop/schema.graphql", Sdl).AddSpec("/gql/shop/operations.graphql", Operations).Run();

        Assert.Empty(fromJson.GeneratorDiagnostics);
        Assert.Empty(fromJson.CompileProblems());
        Assert.Contains("ProductAsync(string id,", fromJson.Sources["TestApp.IShopClient.g.cs"]);
        Assert.Equal(fromSdl.Sources.Keys.OrderBy(k => k), fromJson.Sources.Keys.OrderBy(k => k));
        foreach (var (name, text) in fromSdl.Sources) Assert.Equal(text, fromJson.Sources[name]);
    }

    [Fact]
    public void A_field_the_introspection_schema_does_not_have_is_a_validation_error_like_with_sdl()
    {
        var run = new GeneratorHarness().AddSpec("/gql/shop/schema.json", Introspection).AddSpec("/gql/shop/operations.graphql", "query p { product(id: \"1\") { price } }").Run();

        var error = run.SingleDiagnostic("CG2101");
        Assert.Contains("price", error.GetMessage());
        Assert.Equal("/gql/shop/operations.graphql", error.Location.GetLineSpan().Path);
    }

    [Theory]
    [InlineData("""{"data":{"__schema":{"queryType":{"name":"Query"},"types":[{"kind":"OBJECT","name":"Query","fields":[{"name":"bad name","args":[],"type":{"kind":"SCALAR","name":"String"}}]}]}}}""", "not a GraphQL name")]
    [InlineData("""{"data":{"__schema":{"queryType":{"name":"Query"},"types":[{"kind":"WIDGET","name":"Query"}]}}}""", "WIDGET")]
    [InlineData("""{"__schema": [1, 2""", "not valid JSON")]
    public void An_introspection_result_that_cannot_be_read_is_a_warning_saying_why_and_nothing_throws(string json, string reason)
    {
        var run = new GeneratorHarness().AddSpec("/gql/shop/schema.json", json).Run();

        Assert.Contains(reason, run.SingleDiagnostic("CG2201").GetMessage());
    }
}
