using System.Linq;
using ClientGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ClientGen.Generator.Tests;

/// <summary>Every combination of nullability and list nesting, in inputs, variables and results, and field names that collide with generated members, compiles.</summary>
public sealed class GraphQlTypeShapeTests
{
    private static readonly string[] s_wrappings = { "{0}", "{0}!", "[{0}]", "[{0}!]", "[{0}]!", "[{0}!]!", "[[{0}!]]", "[[{0}]!]!" };

    private static string Wrap(string wrapping, string type) => string.Format(wrapping, type);

    [Fact]
    public void Inputs_variables_and_results_of_every_list_and_null_shape_compile()
    {
        var fields = s_wrappings.Select((w, i) => $"  s{i}: {Wrap(w, "String")}\n  e{i}: {Wrap(w, "Color")}").ToList();
        var inputFields = s_wrappings.Select((w, i) => $"  s{i}: {Wrap(w, "String")}\n  e{i}: {Wrap(w, "Color")}\n  n{i}: {Wrap(w, "Nested")}").ToList();
        var arguments = string.Join(", ", s_wrappings.Select((w, i) => $"v{i}: {Wrap(w, "Int")}"));
        var schema = $$"""
            enum Color { RED GREEN }
            input Nested { x: Int }
            input AddBookInput {
              title: String!
              tags: [String!]
            {{string.Join("\n", inputFields)}}
            }
            type Book {
            {{string.Join("\n", fields)}}
              self: Book
              shelf: [[Book!]]
            }
            type Query { books({{arguments}}): [Book!]! }
            input TagInput { title: String!, tags: [String!] }
            type Mutation { addBook(input: AddBookInput!): Book, tag(input: TagInput!): Book }
            """;
        var variables = string.Join(", ", s_wrappings.Select((w, i) => $"$v{i}: {Wrap(w, "Int")}"));
        var uses = string.Join(", ", s_wrappings.Select((_, i) => $"v{i}: $v{i}"));
        var selection = string.Join(" ", s_wrappings.Select((_, i) => $"s{i} e{i}")) + " self { s0 } shelf { s1 }";
        var operations = $$"""
            query Books({{variables}}) { books({{uses}}) { {{selection}} } }
            mutation AddBook($input: AddBookInput!) { addBook(input: $input) { s0 } }
            mutation Tag($input: TagInput!) { tag(input: $input) { s0 } }
            """;

        var run = new GeneratorHarness()
            .AddSpec("/gql/books/schema.graphql", schema)
            .AddSpec("/gql/books/operations.graphql", operations)
            .Run("""
                namespace TestApp
                {
                    internal static class Use
                    {
                        public static System.Threading.Tasks.Task Add(IBooksClient client, System.Collections.Generic.IReadOnlyList<string> tags)
                        {
                            var fromArray = new TagInput { Title = "a", Tags = new[] { "x" } };
                            var fromList = new TagInput { Title = "b", Tags = ClientGen.Runtime.Optional.Of<System.Collections.Generic.IReadOnlyList<string>?>(tags) };
                            var cleared = new TagInput { Title = "c", Tags = null };
                            return client.TagAsync(fromArray.Tags.IsSet ? fromArray : cleared.Tags.IsSet ? cleared : fromList);
                        }
                    }
                }
                """);

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        Assert.Empty(run.CompileProblems());
    }

    [Fact]
    public void Fields_named_like_generated_members_compile()
    {
        const string schema = """
            type Thing { equals: String, toString: String, hashCode: Int, getHashCode: Int, readJson: String, writeJson: String, clientGenJsonConverter: String, additionalProperties: String, equalityContract: String, deconstruct: String, clone: String, getType: String, value: String, isKnown: Boolean, knownValues: [String] }
            input ThingInput { equals: String, toString: String, readJson: String, clone: String, getType: String }
            enum Mode { EQUALS TO_STRING GET_HASH_CODE VALUE IS_KNOWN KNOWN_VALUES READ_JSON }
            type Query { thing(input: ThingInput, mode: Mode, cancellationToken: String): Thing, core: String }
            """;
        const string operations = """
            query Thing($input: ThingInput, $mode: Mode, $cancellationToken: String) {
              thing(input: $input, mode: $mode, cancellationToken: $cancellationToken) { equals toString hashCode getHashCode readJson writeJson clientGenJsonConverter additionalProperties equalityContract deconstruct clone getType value isKnown knownValues }
            }
            query Core { core }
            """;

        var run = new GeneratorHarness()
            .AddSpec("/gql/things/schema.graphql", schema)
            .AddSpec("/gql/things/operations.graphql", operations)
            .Run();

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        Assert.Empty(run.CompileProblems());
    }
}
