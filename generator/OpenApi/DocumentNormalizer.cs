using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace ClientGen.Generator.OpenApi;

/// <summary>
/// Rewrites valid constructs NSwag 13 cannot load into equivalent ones it can, before it sees the
/// document: OpenAPI 3.1 operations without <c>responses</c>, and discriminator mappings that name a
/// schema instead of referencing it.
/// </summary>
internal static class DocumentNormalizer
{
    public static void Normalize(JToken root)
    {
        if (root is not JObject document) return;
        var swagger2 = document["swagger"] != null;
        foreach (var pathItem in Objects(document["paths"]).Concat(Objects(document["webhooks"])))
        {
            foreach (var operation in pathItem.Properties().Where(p => OperationKeys.IsOperation(p.Name)).Select(p => p.Value).OfType<JObject>())
            {
                if (operation["responses"] is not JObject) operation["responses"] = new JObject();
            }
        }
        // ReDoc-style "description: { $ref: file.md }" on tags and info: the text is documentation only, not something NSwag can load.
        foreach (var owner in (document["tags"] as JArray ?? new JArray()).OfType<JObject>().Append(document["info"] as JObject).OfType<JObject>())
        {
            if (owner["description"] is { } description && description.Type != JTokenType.String) owner.Remove("description");
        }
        var schemaPrefix = swagger2 ? "#/definitions/" : "#/components/schemas/";
        foreach (var node in document.DescendantsAndSelf().OfType<JObject>())
        {
            if (node["discriminator"] is JObject { } discriminator && discriminator["mapping"] is JObject mapping)
            {
                foreach (var entry in mapping.Properties())
                {
                    if (entry.Value.Type == JTokenType.String && entry.Value.Value<string>() is { } target && target.IndexOf('#') < 0 && target.IndexOf('/') < 0 && target.IndexOf('.') < 0)
                    {
                        entry.Value = schemaPrefix + target;
                    }
                }
            }
        }
    }

    private static IEnumerable<JObject> Objects(JToken? container) =>
        container is JObject obj ? obj.Properties().Select(p => p.Value).OfType<JObject>() : Enumerable.Empty<JObject>();
}
