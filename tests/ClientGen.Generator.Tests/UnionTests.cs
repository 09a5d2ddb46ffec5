using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using ClientGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ClientGen.Generator.Tests;

/// <summary>
/// Unions without a discriminator are typed: an id-or-object pair is the runtime's <c>IdOr&lt;T&gt;</c>, every other
/// union a struct of its own, read in one pass by the plan the generator decides from the member schemas. These tests
/// compile the generated code, load it and read real JSON with it.
/// </summary>
public sealed class UnionTests
{
    private const string Spec = """
        openapi: 3.1.0
        info: { title: Unions, version: "1" }
        paths:
          /things:
            get:
              operationId: listThings
              parameters:
                - { name: created, in: query, style: deepObject, explode: true, schema: { anyOf: [ { type: object, title: range_query, properties: { gt: { type: integer } } }, { type: integer } ] } }
              responses:
                '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Thing' } } } }
        components:
          schemas:
            Customer: { type: object, properties: { name: { type: string } } }
            Card: { type: object, required: [type, number], properties: { type: { const: card }, number: { type: string } } }
            Bank: { type: object, required: [type, iban], properties: { type: { type: string, enum: [bank] }, iban: { type: string } } }
            Cat: { type: object, required: [name], properties: { name: { type: string }, purrs: { type: boolean } } }
            Dog: { type: object, required: [name, barks], properties: { name: { type: string }, barks: { type: boolean } } }
            Same1: { type: object, properties: { a: { type: string } } }
            Same2: { type: object, properties: { a: { type: string } } }
            Mode: { type: string, enum: [auto, none] }
            Source: { oneOf: [ { $ref: '#/components/schemas/Card' }, { $ref: '#/components/schemas/Bank' } ] }
            Thing:
              type: object
              properties:
                customer: { anyOf: [ { type: string, maxLength: 5000 }, { $ref: '#/components/schemas/Customer' } ] }
                source: { $ref: '#/components/schemas/Source' }
                pet: { oneOf: [ { $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' } ] }
                mode: { oneOf: [ { $ref: '#/components/schemas/Mode' }, { type: object, properties: { custom: { type: string } } } ] }
                when: { oneOf: [ { type: string, format: date-time }, { type: string }, { type: integer }, { type: number }, { type: boolean } ] }
                list: { oneOf: [ { type: array, items: { type: string } }, { type: array, items: { type: integer } }, { type: string } ] }
                multi: { type: [string, integer, "null"] }
                same: { anyOf: [ { $ref: '#/components/schemas/Same1' }, { $ref: '#/components/schemas/Same2' } ] }
        """;

    private static readonly Lazy<(GeneratorRun Run, Assembly Assembly)> s_compiled = new(() =>
    {
        var run = new GeneratorHarness().AddSpec("/specs/unions.yaml", Spec).Run();
        using var image = new MemoryStream();
        var emitted = run.Output.Emit(image);
        Assert.True(emitted.Success, run.Describe(emitted.Diagnostics));
        image.Position = 0;
        return (run, new AssemblyLoadContext("unions", isCollectible: true).LoadFromStream(image));
    });

    [Fact]
    public void A_string_or_object_union_is_an_IdOr_of_the_record()
    {
        var thing = s_compiled.Value.Run.Sources["TestApp.Thing.g.cs"];
        Assert.Contains("global::ClientGen.Runtime.IdOr<global::TestApp.Customer>? Customer", thing);
        Assert.Empty(s_compiled.Value.Run.CompileProblems());
    }

    [Theory]
    [InlineData("""{"type":"card","number":"4242"}""", "Card")]
    [InlineData("""{"number":"4242","type":"card"}""", "Card")]
    [InlineData("""{"iban":"DE89","type":"bank"}""", "Bank")]
    public void A_const_or_one_value_enum_property_names_the_member_wherever_it_comes(string source, string member)
    {
        Assert.Equal(member, Holds(Property(Read($$"""{"source":{{source}}}"""), "Source")));
    }

    [Theory]
    [InlineData("""{"name":"Rex","barks":true}""", "Dog")]
    [InlineData("""{"barks":false,"name":"Rex"}""", "Dog")]
    [InlineData("""{"name":"Tom","purrs":true}""", "Cat")]
    [InlineData("""{"name":"Tom"}""", "Cat")]
    public void A_property_only_one_member_declares_or_a_required_set_tells_objects_apart(string pet, string member)
    {
        Assert.Equal(member, Holds(Property(Read($$"""{"pet":{{pet}}}"""), "Pet")));
    }

    [Theory]
    [InlineData("\"2024-05-01T10:00:00Z\"", "DateTime")]
    [InlineData("\"tomorrow\"", "String")]
    [InlineData("42", "Integer")]
    [InlineData("4.5", "Number")]
    [InlineData("true", "Boolean")]
    public void Scalars_are_told_apart_by_token_then_format(string when, string member)
    {
        Assert.Equal(member, Holds(Property(Read($$"""{"when":{{when}}}"""), "When")));
    }

    [Theory]
    [InlineData("""["a","b"]""", "StringList")]
    [InlineData("[1,2]", "IntegerList")]
    [InlineData("[]", "StringList")]
    [InlineData("\"one\"", "String")]
    public void Lists_are_told_apart_by_their_first_item(string list, string member)
    {
        Assert.Equal(member, Holds(Property(Read($$"""{"list":{{list}}}"""), "List")));
    }

    [Theory]
    [InlineData("\"auto\"", "Mode")]
    [InlineData("\"newer_mode\"", "Mode")]
    [InlineData("""{"custom":"x"}""", "Object")]
    public void An_open_enum_member_keeps_a_value_the_spec_does_not_list(string mode, string member)
    {
        Assert.Equal(member, Holds(Property(Read($$"""{"mode":{{mode}}}"""), "Mode")));
    }

    [Theory]
    [InlineData("""{"source":{"type":"crypto","wallet":"0x1"}}""")]
    [InlineData("""{"source":"tok_123"}""")]
    [InlineData("""{"pet":[1,2]}""")]
    public void A_shape_no_member_takes_is_kept_raw_and_written_back_as_it_came(string json)
    {
        var thing = Read(json);
        var union = Property(thing, json.Contains("pet", StringComparison.Ordinal) ? "Pet" : "Source");
        Assert.Equal("Unknown", Holds(union));
        Assert.Equal(json, Write(thing));
    }

    [Fact]
    public void Every_member_is_written_back_as_it_came()
    {
        const string json = """{"source":{"type":"bank","iban":"DE89"},"pet":{"name":"Rex","barks":true},"mode":"auto","when":"2024-05-01T10:00:00+00:00","list":[1,2],"multi":7,"same":{"a":"x"}}""";
        Assert.Equal(json, Write(Read(json)));
    }

    [Fact]
    public void A_type_array_is_a_nullable_union_that_keeps_an_explicit_null()
    {
        var thing = Read("""{"multi":null}""");
        Assert.Null(Property(thing, "Multi"));
        Assert.Equal("""{"multi":null}""", Write(thing));
        Assert.Equal("String", Holds(Property(Read("""{"multi":"x"}"""), "Multi")));
        Assert.Equal("Integer", Holds(Property(Read("""{"multi":3}"""), "Multi")));
    }

    [Fact]
    public void Two_members_no_rule_tells_apart_are_one_located_warning_naming_both_and_read_as_the_first()
    {
        var warning = s_compiled.Value.Run.SingleDiagnostic("CG1002");
        Assert.Contains("Same1 and Same2", warning.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(DiagnosticSeverityWarning, (int)warning.Severity);
        Assert.Equal("/specs/unions.yaml", warning.Location.GetLineSpan().Path);
        Assert.Equal("Same1", Holds(Property(Read("""{"same":{"a":"x"}}"""), "Same")));
    }

    [Fact]
    public void Users_build_and_consume_unions_with_conversions_TryGet_and_Match()
    {
        const string user = """
            namespace TestApp
            {
                internal static class Usage
                {
                    public static string Describe()
                    {
                        var thing = new Thing { Pet = new Dog { Name = "Rex", Barks = true }, When = 5L, Multi = "x", List = ThingList.FromIntegerList(new long[] { 1 }) };
                        var pet = thing.Pet!.Value.Match(cat => "cat " + cat.Name, dog => "dog " + dog.Name);
                        var when = thing.When!.Value.TryGetInteger(out var n) ? n.ToString() : "?";
                        thing.Multi!.Value.Switch(s => { }, i => { });
                        return pet + " " + when + " " + thing.List!.Value.IsIntegerList;
                    }
                }
            }
            """;
        var run = new GeneratorHarness().AddSpec("/specs/unions.yaml", Spec).Run(user);
        Assert.True(run.CompileProblems().Count == 0, run.Describe(run.CompileProblems()));
    }

    private const int DiagnosticSeverityWarning = 2;

    private static object Read(string json)
    {
        var type = s_compiled.Value.Assembly.GetType("TestApp.Thing")!;
        return JsonSerializer.Deserialize(json, type)!;
    }

    private static string Write(object thing) => JsonSerializer.Serialize(thing, thing.GetType());

    private static object? Property(object owner, string name) => owner.GetType().GetProperty(name)!.GetValue(owner);

    /// <summary>Which member a union holds, by its <c>Is…</c> properties, as a user would ask.</summary>
    private static string Holds(object? union)
    {
        Assert.NotNull(union);
        var held = union!.GetType().GetProperties().Where(p => p.Name.StartsWith("Is", StringComparison.Ordinal) && p.PropertyType == typeof(bool) && (bool)p.GetValue(union)!).Select(p => p.Name.Substring(2)).ToList();
        Assert.Single(held);
        return held[0];
    }
}
