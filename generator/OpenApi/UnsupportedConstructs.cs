using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;
using ClientGen.Generator.OpenApi.Schemas;

namespace ClientGen.Generator.OpenApi;

/// <summary>
/// Finds the constructs in a document that the generated client does not act on, so each gets a CG1001
/// warning naming it rather than being dropped silently. Runs on the raw tree, before NSwag loads it.
/// </summary>
internal static class UnsupportedConstructs
{
    /// <summary>Each unsupported construct: where it is (a JSON pointer), what it is, and what the client does instead.</summary>
    public static List<(string Pointer, string Construct, string Consequence)> Find(JToken root)
    {
        var found = new List<(string, string, string)>();
        if (root is not JObject document) return found;

        foreach (var webhook in Entries(document["webhooks"]))
        {
            found.Add(("/webhooks/" + JsonPointer.Escape(webhook.Name), $"Webhook '{webhook.Name}'",
                "webhooks are requests the API sends to you, so no client method is generated"));
        }

        foreach (var path in Entries(document["paths"]))
        {
            if (path.Value is not JObject pathItem) continue;
            foreach (var method in pathItem.Properties().Where(p => OperationKeys.IsOperation(p.Name)))
            {
                var pointer = "/paths/" + JsonPointer.Escape(path.Name) + "/" + method.Name;
                if (method.Value is not JObject operation) continue;
                var id = operation["operationId"]?.Value<string>() ?? method.Name.ToUpperInvariant() + " " + path.Name;
                if (operation["$ref"] is JValue { Value: string reference })
                {
                    found.Add((pointer + "/$ref", $"Operation given as $ref '{reference}'",
                        "OpenAPI allows $ref on a path item, not on an operation, so it is generated without parameters, body or responses"));
                }
                foreach (var callback in Entries(operation["callbacks"]))
                {
                    found.Add((pointer + "/callbacks/" + JsonPointer.Escape(callback.Name), $"Callback '{callback.Name}' of operation '{id}'",
                        "callbacks are requests the API sends to you, so no client method is generated"));
                }
                // With a nextLinkName it becomes an items method (PaginationMapper); without one the list is a single page.
                if (operation["x-ms-pageable"] is JObject pageable && !PaginationMapper.IsFollowable(pageable) && operation["x-clientgen-pagination"] == null)
                {
                    found.Add((pointer + "/x-ms-pageable", $"x-ms-pageable on operation '{id}' without a next link to follow (no nextLinkName, or an operationName)", "the method returns one page and no items method is generated"));
                }
                if (operation["x-ms-long-running-operation"] is JValue { Value: true })
                {
                    found.Add((pointer + "/x-ms-long-running-operation", $"x-ms-long-running-operation on operation '{id}'",
                        "the method returns the first response; poll the operation yourself or declare an x-clientgen-waiters waiter"));
                }
            }
        }
        return found;
    }

    private static IEnumerable<JProperty> Entries(JToken? container) =>
        container is JObject obj ? obj.Properties() : Enumerable.Empty<JProperty>();
}
