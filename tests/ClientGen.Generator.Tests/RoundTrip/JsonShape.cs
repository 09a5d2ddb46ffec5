using System;
using System.Linq;
using System.Text.Json.Nodes;

namespace ClientGen.Generator.Tests.RoundTrip;

/// <summary>JSON compared and rearranged by shape: property order is not meaning.</summary>
internal static class JsonShape
{
    /// <summary>The JSON with every object's properties sorted by name, so two texts compare as values.</summary>
    public static string Canonical(string json) => Sorted(JsonNode.Parse(json))?.ToJsonString() ?? "null";

    /// <summary>The same JSON with every object's properties in a random order (a discriminator may come last).</summary>
    public static string Shuffled(string json, Random random) => Reordered(JsonNode.Parse(json), random)?.ToJsonString() ?? "null";

    /// <summary>The root object with one more property, at a random position.</summary>
    public static string WithUnknownProperty(string json, string name, string valueJson, Random random)
    {
        if (JsonNode.Parse(json) is not JsonObject root) return json;
        var entries = root.Select(e => (e.Key, Value: e.Value?.DeepClone())).ToList();
        entries.Insert(random.Next(entries.Count + 1), (name, JsonNode.Parse(valueJson)));
        return new JsonObject(entries.Select(e => new System.Collections.Generic.KeyValuePair<string, JsonNode?>(e.Key, e.Value))).ToJsonString();
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => new System.Collections.Generic.KeyValuePair<string, JsonNode?>(e.Key, Sorted(e.Value)))),
        JsonArray array => new JsonArray(array.Select(Sorted).ToArray()),
        _ => node?.DeepClone(),
    };

    private static JsonNode? Reordered(JsonNode? node, Random random) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(_ => random.Next()).Select(e => new System.Collections.Generic.KeyValuePair<string, JsonNode?>(e.Key, Reordered(e.Value, random)))),
        JsonArray array => new JsonArray(array.Select(n => Reordered(n, random)).ToArray()),
        _ => node?.DeepClone(),
    };
}
