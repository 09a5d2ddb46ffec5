using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;
using Xunit.Abstractions;

namespace ClientGen.Generator.Tests.RoundTrip;

/// <summary>
/// Property tests of the generated JSON code on the corpus's own models: for random values of every model
/// type, write → read → write gives the same JSON; a value the spec does not list, a property the model
/// does not declare and a discriminator in any position all survive the trip.
/// </summary>
public sealed class JsonRoundTripTests(ITestOutputHelper output)
{
    private const int SamplesPerType = 20;

    /// <summary>Documents with models of every kind; the polymorphic ones (discriminators) must dispatch to derived types.</summary>
    public static IEnumerable<object[]> Documents() => new[]
    {
        new object[] { "openapi/readme-oas-examples-3.0/discriminators.yaml", true },
        new object[] { "openapi/azure-autorest-testserver/body-complex.json", true },
        new object[] { "openapi/adyen/CheckoutService-v71.yaml", true },
        new object[] { "openapi/readme-oas-examples-3.0/schema-enums.yaml", false },
        new object[] { "openapi/readme-oas-examples-3.0/schema-circular.yaml", false },
        new object[] { "openapi/readme-oas-examples-3.0/schema-additional-properties.yaml", false },
        new object[] { "openapi/readme-oas-examples-3.1/schema-types.yaml", false },
        new object[] { "openapi/box/openapi-v2025.0.json", false },
        new object[] { "openapi/discord/openapi.json", false },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_model_survives_a_round_trip(string document, bool polymorphic)
    {
        var assembly = CompiledCorpusModels.Load(document);
        var models = CompiledCorpusModels.Models(assembly);
        Assert.NotEmpty(models);
        var samples = 0;
        var dispatched = 0;
        foreach (var type in models)
        {
            for (var seed = 0; seed < SamplesPerType; seed++)
            {
                var random = new Random(HashCode.Combine(type.FullName!.Length, seed, type.Name.GetHashCode(StringComparison.Ordinal)));
                var instance = new RandomInstances(random, assembly).Create(type)!;
                var context = $"{document} {type.Name} seed {seed}";
                if (Check(type, instance, random, context)) dispatched++;
                samples++;
            }
        }
        output.WriteLine($"{document}: {models.Count} model types, {samples} samples, {dispatched} read back as a derived type by their discriminator");
        if (polymorphic) Assert.True(dispatched > 0, "no polymorphic payload was read back as its derived type");
    }

    /// <summary>One random value through every property; true when it was a derived type read back as itself.</summary>
    private static bool Check(Type type, object instance, Random random, string context)
    {
        var written = JsonSerializer.Serialize(instance, type);
        var read = Read(written, type, context);
        var rewritten = JsonSerializer.Serialize(read, type);
        Same(written, rewritten, $"{context}: write → read → write changed the JSON");

        // Property order carries no meaning, including the discriminator's.
        var shuffled = JsonShape.Shuffled(written, random);
        var readShuffled = Read(shuffled, type, context);
        Assert.True(readShuffled.GetType() == read.GetType(), $"{context}: with properties reordered it read as {readShuffled.GetType().Name}, not {read.GetType().Name}\n{shuffled}");
        Same(written, JsonSerializer.Serialize(readShuffled, type), $"{context}: reordered properties changed the JSON");

        // A property a newer server added is kept, wherever it comes.
        // (Only where the model takes any JSON as extra properties: a typed additionalProperties constrains them.)
        const string unknown = """{"nested":[1,"two",{"three":null}]}""";
        if (type.GetProperty("AdditionalProperties")!.PropertyType.GetGenericArguments()[1] != typeof(JsonElement)) return instance.GetType() != type && read.GetType() == instance.GetType();
        var extended = JsonShape.WithUnknownProperty(written, "zz_wire_unknown", unknown, random);
        if (extended != written)
        {
            var kept = JsonNode.Parse(JsonSerializer.Serialize(Read(extended, type, context), type))!["zz_wire_unknown"];
            Assert.True(kept != null && JsonShape.Canonical(kept.ToJsonString()) == JsonShape.Canonical(unknown), $"{context}: an unknown property was lost\n{extended}");
        }
        return instance.GetType() != type && read.GetType() == instance.GetType();
    }

    private static object Read(string json, Type type, string context)
    {
        try
        {
            return JsonSerializer.Deserialize(json, type) ?? throw new InvalidOperationException("read null");
        }
        catch (Exception ex)
        {
            throw new Xunit.Sdk.XunitException($"{context}: could not read back what was written: {ex.Message}\n{json}");
        }
    }

    private static void Same(string expected, string actual, string message)
    {
        Assert.True(JsonShape.Canonical(expected) == JsonShape.Canonical(actual), $"{message}\nexpected: {expected}\nactual:   {actual}");
    }
}
