using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Fixtures;
using Xunit;

namespace ClientGen.Generated.Tests;

/// <summary>
/// The generated IJsonTypeInfoResolver is the only metadata source here (no reflection fallback), as under Native AOT:
/// JsonSerializer must read and write generated models through it exactly as the generated code does.
/// </summary>
public sealed class JsonResolverTests
{
    private static readonly JsonSerializerOptions Options = new() { TypeInfoResolver = FixturesClientJsonResolver.Default };

    private static JsonTypeInfo<T> Info<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    [Fact]
    public void A_polymorphic_model_round_trips_through_JsonSerializer_with_only_the_generated_resolver()
    {
        const string json = """{"name":"Tom","huntingSkill":"lazy","petType":"cat"}""";

        var pet = JsonSerializer.Deserialize(json, Info<Pet>())!;
        var written = JsonSerializer.Serialize(pet, Info<Pet>());

        var cat = Assert.IsType<Cat>(pet);
        Assert.Equal(CatHuntingSkill.Lazy, cat.HuntingSkill);
        Assert.Equal(pet, JsonSerializer.Deserialize(written, Info<Pet>()));
        Assert.Contains("\"petType\":\"cat\"", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Lists_and_arrays_of_generated_models_are_covered()
    {
        var pets = new List<Pet> { new Dog { Name = "Rex", PackSize = 3 }, new Cat { Name = "Tom", HuntingSkill = CatHuntingSkill.Lazy } };

        var json = JsonSerializer.Serialize(pets, Info<List<Pet>>());
        var back = JsonSerializer.Deserialize(json, Info<Pet[]>())!;

        Assert.Equal(json, JsonSerializer.Serialize(back, Info<Pet[]>()));
        Assert.IsType<Dog>(back[0]);
        Assert.Equal(3, ((Dog)back[0]).PackSize);
    }

    [Fact]
    public void A_nullable_open_enum_writes_null_and_keeps_a_value_the_spec_does_not_list()
    {
        Assert.Equal("null", JsonSerializer.Serialize((CatHuntingSkill?)null, Info<CatHuntingSkill?>()));

        var unknown = JsonSerializer.Deserialize("\"sneaky\"", Info<CatHuntingSkill?>());

        Assert.NotNull(unknown);
        Assert.False(unknown.Value.IsKnown);
        Assert.Equal("\"sneaky\"", JsonSerializer.Serialize(unknown, Info<CatHuntingSkill?>()));
    }

    [Fact]
    public void A_type_the_client_does_not_generate_is_left_to_the_next_resolver_in_the_chain()
    {
        Assert.Null(FixturesClientJsonResolver.Default.GetTypeInfo(typeof(Uri), Options));
        Assert.Throws<NotSupportedException>(() => JsonSerializer.Serialize(new Uri("https://example.com"), Options));
    }
}
