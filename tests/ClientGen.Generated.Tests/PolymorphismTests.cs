using System.Text.Json;
using System.Text.Json.Nodes;
using Fixtures;
using Xunit;

namespace ClientGen.Generated.Tests;

/// <summary>allOf inheritance and oneOf unions with a discriminator, read wherever the discriminator sits.</summary>
public sealed class PolymorphismTests
{
    [Theory]
    [InlineData("""{"petType":"cat","name":"Tom","huntingSkill":"lazy"}""")]
    [InlineData("""{"name":"Tom","huntingSkill":"lazy","petType":"cat"}""")]
    public void A_derived_type_is_read_whatever_the_position_of_the_discriminator(string json)
    {
        var pet = JsonSerializer.Deserialize<Pet>(json)!;

        var cat = Assert.IsType<Cat>(pet);
        Assert.Equal("Tom", cat.Name);
        Assert.Equal(CatHuntingSkill.Lazy, cat.HuntingSkill);
    }

    [Fact]
    public void A_required_discriminator_is_never_null_and_each_derived_type_starts_with_its_own_value()
    {
        var nullability = new System.Reflection.NullabilityInfoContext().Create(typeof(Pet).GetProperty(nameof(Pet.PetType))!);
        Assert.Equal(System.Reflection.NullabilityState.NotNull, nullability.ReadState);
        Assert.Equal("cat", new Cat { Name = "Tom" }.PetType);
        Assert.Equal("circle", new Circle { Radius = 1 }.Kind);
        Assert.Contains("\"petType\":\"dog\"", System.Text.Json.JsonSerializer.Serialize<Pet>(new Dog { Name = "Rex", PackSize = 2 }));
    }

    [Fact]
    public void A_derived_type_writes_its_discriminator_even_when_the_caller_did_not_set_it()
    {
        Pet pet = new Dog { Name = "Rex", PackSize = 3 };

        var json = JsonNode.Parse(JsonSerializer.Serialize(pet))!;

        Assert.Equal("dog", (string?)json["petType"]);
        Assert.Equal(3, (int?)json["packSize"]);
    }

    [Fact]
    public void An_unknown_discriminator_value_reads_as_the_base_type_and_keeps_every_field()
    {
        const string json = """{"petType":"parrot","name":"Polly","words":120}""";

        var pet = JsonSerializer.Deserialize<Pet>(json)!;

        Assert.Equal(typeof(Pet), pet.GetType());
        Assert.Equal("parrot", pet.PetType);
        Assert.Equal(120, pet.AdditionalProperties!["words"].GetInt32());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(JsonSerializer.Serialize(pet))));
    }

    [Theory]
    [InlineData("""{"kind":"circle","radius":2.5}""", typeof(Circle))]
    [InlineData("""{"side":4,"kind":"square"}""", typeof(Square))]
    public void A_oneOf_union_dispatches_on_its_discriminator(string json, System.Type expected)
    {
        var shape = JsonSerializer.Deserialize<Shape>(json)!;

        Assert.IsType(expected, shape);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(JsonSerializer.Serialize(shape))));
    }

    [Fact]
    public void A_list_of_mixed_derived_types_round_trips()
    {
        const string json = """[{"petType":"cat","name":"Tom"},{"petType":"dog","name":"Rex","packSize":2},{"petType":"cat","name":"Kit","huntingSkill":"aggressive"}]""";

        var pets = JsonSerializer.Deserialize<Pet[]>(json)!;

        Assert.Collection(pets, p => Assert.IsType<Cat>(p), p => Assert.IsType<Dog>(p), p => Assert.IsType<Cat>(p));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(JsonSerializer.Serialize(pets))));
    }

    [Fact]
    public void A_missing_required_property_is_a_clear_json_error()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Dog>("""{"petType":"dog","name":"Rex"}"""));

        Assert.Contains("packSize", error.Message);
        Assert.Contains("Dog", error.Message);
    }
}
