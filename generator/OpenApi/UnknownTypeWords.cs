using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;
using ClientGen.Generator.OpenApi.Schemas;

namespace ClientGen.Generator.OpenApi;

/// <summary>
/// Finds <c>type</c> words JSON Schema does not define (<c>type: strnig</c>) at every place a schema can stand,
/// on the raw tree: NSwag reads an unknown word as "no type" and says nothing. Only schema positions are walked,
/// so a property called <c>type</c>, a security scheme's <c>type</c> or an example's data is never mistaken for one.
/// </summary>
internal static class UnknownTypeWords
{
    private static readonly HashSet<string> s_known = new(StringComparer.Ordinal) { "string", "number", "integer", "boolean", "array", "object", "null" };

    // Schema keywords whose value is one schema, a map of schemas, or a list of schemas.
    private static readonly string[] s_oneSchema = { "items", "additionalProperties", "not", "contains", "if", "then", "else", "propertyNames", "additionalItems", "unevaluatedItems", "unevaluatedProperties" };
    private static readonly string[] s_schemaMaps = { "properties", "patternProperties", "$defs", "definitions", "dependentSchemas" };
    private static readonly string[] s_schemaLists = { "allOf", "anyOf", "oneOf", "prefixItems" };

    /// <summary>Each unknown word: the pointer of its <c>type</c> and the word.</summary>
    public static List<(string Pointer, string Word)> Find(JToken root)
    {
        var found = new List<(string, string)>();
        if (root is not JObject document) return found;
        // Swagger 2.0 parameters and headers carry the type themselves, and allow "file".
        var swagger2 = document["swagger"] != null;
        var walker = new Walker(found, swagger2);
        foreach (var entry in Entries(document["definitions"])) walker.Schema(entry.Value, "/definitions/" + JsonPointer.Escape(entry.Name));
        foreach (var entry in Entries(document["parameters"])) walker.Parameter(entry.Value, "/parameters/" + JsonPointer.Escape(entry.Name));
        foreach (var entry in Entries(document["responses"])) walker.Response(entry.Value, "/responses/" + JsonPointer.Escape(entry.Name));
        if (document["components"] is JObject components)
        {
            foreach (var entry in Entries(components["schemas"])) walker.Schema(entry.Value, "/components/schemas/" + JsonPointer.Escape(entry.Name));
            foreach (var entry in Entries(components["parameters"])) walker.Parameter(entry.Value, "/components/parameters/" + JsonPointer.Escape(entry.Name));
            foreach (var entry in Entries(components["headers"])) walker.Parameter(entry.Value, "/components/headers/" + JsonPointer.Escape(entry.Name));
            foreach (var entry in Entries(components["responses"])) walker.Response(entry.Value, "/components/responses/" + JsonPointer.Escape(entry.Name));
            foreach (var entry in Entries(components["requestBodies"])) walker.Content(entry.Value, "/components/requestBodies/" + JsonPointer.Escape(entry.Name));
        }
        foreach (var path in Entries(document["paths"]))
        {
            if (path.Value is not JObject pathItem) continue;
            var pathPointer = "/paths/" + JsonPointer.Escape(path.Name);
            walker.Parameters(pathItem["parameters"], pathPointer + "/parameters");
            foreach (var method in pathItem.Properties().Where(p => OperationKeys.IsOperation(p.Name) && p.Value is JObject))
            {
                var operation = (JObject)method.Value;
                var pointer = pathPointer + "/" + method.Name;
                walker.Parameters(operation["parameters"], pointer + "/parameters");
                walker.Content(operation["requestBody"], pointer + "/requestBody");
                foreach (var response in Entries(operation["responses"])) walker.Response(response.Value, pointer + "/responses/" + JsonPointer.Escape(response.Name));
            }
        }
        return found;
    }

    private static IEnumerable<JProperty> Entries(JToken? container) =>
        container is JObject obj ? obj.Properties() : Enumerable.Empty<JProperty>();

    private sealed class Walker
    {
        private readonly List<(string, string)> _found;
        private readonly bool _swagger2;

        public Walker(List<(string, string)> found, bool swagger2)
        {
            _found = found;
            _swagger2 = swagger2;
        }

        // Depth is bounded: the tree passed InputLimits before it was built.
        public void Schema(JToken? node, string pointer)
        {
            if (node is not JObject schema || schema["$ref"] != null) return;
            CheckType(schema, pointer);
            foreach (var keyword in s_oneSchema) Schema(schema[keyword], pointer + "/" + keyword);
            foreach (var keyword in s_schemaMaps)
            {
                foreach (var entry in Entries(schema[keyword])) Schema(entry.Value, pointer + "/" + keyword + "/" + JsonPointer.Escape(entry.Name));
            }
            foreach (var keyword in s_schemaLists.Append("items"))
            {
                if (schema[keyword] is not JArray list) continue;
                for (var i = 0; i < list.Count; i++) Schema(list[i], pointer + "/" + keyword + "/" + i);
            }
        }

        public void Parameters(JToken? node, string pointer)
        {
            if (node is not JArray list) return;
            for (var i = 0; i < list.Count; i++) Parameter(list[i], pointer + "/" + i);
        }

        public void Parameter(JToken? node, string pointer)
        {
            if (node is not JObject parameter || parameter["$ref"] != null) return;
            if (_swagger2)
            {
                // A 2.0 body parameter has a schema; every other parameter is typed like a schema itself.
                if (parameter["in"]?.Type == JTokenType.String && (string?)parameter["in"] == "body") Schema(parameter["schema"], pointer + "/schema");
                else Schema(parameter, pointer);
                return;
            }
            Schema(parameter["schema"], pointer + "/schema");
            Content(parameter, pointer);
        }

        public void Response(JToken? node, string pointer)
        {
            if (node is not JObject response || response["$ref"] != null) return;
            if (_swagger2) Schema(response["schema"], pointer + "/schema");
            Content(response, pointer);
            foreach (var header in Entries(response["headers"])) Parameter(header.Value, pointer + "/headers/" + JsonPointer.Escape(header.Name));
        }

        public void Content(JToken? node, string pointer)
        {
            if (node is not JObject owner || owner["$ref"] != null) return;
            foreach (var media in Entries(owner["content"]))
            {
                if (media.Value is JObject mediaType) Schema(mediaType["schema"], pointer + "/content/" + JsonPointer.Escape(media.Name) + "/schema");
            }
        }

        private void CheckType(JObject schema, string pointer)
        {
            var words = schema["type"] switch
            {
                JValue { Type: JTokenType.String } single => new[] { (string)single! },
                JArray many => many.OfType<JValue>().Where(v => v.Type == JTokenType.String).Select(v => (string)v!).ToArray(),
                _ => Array.Empty<string>(),
            };
            foreach (var word in words)
            {
                if (!s_known.Contains(word) && !(_swagger2 && word == "file")) _found.Add((pointer + "/type", word));
            }
        }
    }
}
