using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Serialization;

namespace ClientGen.Generator.Tests.Conformance;

/// <summary>
/// Finds, independently of the generator (another YAML/JSON reader, other code), the constructs a document
/// uses that ClientGen does not act on: each must come back as a CG1001 warning naming it.
/// </summary>
internal static class CorpusConstructs
{
    private static readonly string[] s_methods = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    /// <summary>Pairs of (what the warning must say, the name it must carry).</summary>
    public static List<(string Kind, string Name)> Unsupported(string path)
    {
        var found = new List<(string, string)>();
        if (Load(path) is not JsonObject document) return found;
        foreach (var webhook in Entries(document["webhooks"])) found.Add(("Webhook", webhook.Key));
        foreach (var (_, item) in Entries(document["paths"]))
        {
            foreach (var (method, value) in Entries(item).Where(e => s_methods.Contains(e.Key)))
            {
                if (value is not JsonObject operation) continue;
                // One whose file is there is read from it (CG1009); only a dangling one stays unsupported.
                if (operation["$ref"] is JsonValue reference && !File.Exists(Path.Combine(Path.GetDirectoryName(path)!, reference.ToString().Split('#')[0])))
                {
                    found.Add(("Operation given as $ref", reference.ToString()));
                }
                foreach (var callback in Entries(operation["callbacks"])) found.Add(("Callback", callback.Key));
                var id = operation["operationId"]?.ToString() ?? method.ToUpperInvariant();
                // With a nextLinkName it is followed (an items method); without one there is nothing to follow.
                if (operation["x-ms-pageable"] is JsonObject pageable && (pageable["nextLinkName"] is not JsonValue || pageable["operationName"] != null)) found.Add(("x-ms-pageable", id));
                if (operation["x-ms-long-running-operation"]?.ToString() is "true" or "True") found.Add(("x-ms-long-running-operation", id));
            }
        }
        return found;
    }

    private static JsonNode? Load(string path)
    {
        var text = File.ReadAllText(path).TrimStart('\uFEFF');
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) return JsonNode.Parse(text);
        try
        {
            return ToNode(new DeserializerBuilder().Build().Deserialize<object>(text));
        }
        catch (YamlDotNet.Core.YamlException)
        {
            // YamlDotNet rejects a whitespace-only first line in a block scalar (OpenAI's spec has one), which YAML allows.
            return ToNode(new DeserializerBuilder().Build().Deserialize<object>(Regex.Replace(text, "^[ \\t]+$", string.Empty, RegexOptions.Multiline)));
        }
    }

    private static JsonNode? ToNode(object? yaml) => yaml switch
    {
        IDictionary<object, object> map => new JsonObject(map.Select(e => KeyValuePair.Create(Convert.ToString(e.Key)!, ToNode(e.Value)))),
        IList<object> list => new JsonArray(list.Select(ToNode).ToArray()),
        null => null,
        var scalar => JsonValue.Create(scalar.ToString()),
    };

    private static IEnumerable<KeyValuePair<string, JsonNode?>> Entries(JsonNode? node) =>
        node as JsonObject ?? Enumerable.Empty<KeyValuePair<string, JsonNode?>>();
}
