using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ClientGen.Generator.Common;
using ClientGen.Generator.Model;
using ClientGen.Generator.Naming;
using NSwag;

namespace ClientGen.Generator.OpenApi;

/// <summary>
/// The servers of a document, a path or an operation: each URL with its variables at their defaults, and, when it has
/// variables the URL uses, its template and those variables for a factory that fills them.
/// Swagger 2.0 has no servers: its <c>host</c>, <c>basePath</c> and first scheme make the one server.
/// </summary>
internal static class ServerMapper
{
    /// <summary>The document's servers: each becomes a property of the environments class, so its names are claimed beside that class's members.</summary>
    public static List<ServerModel> OfDocument(OpenApiDocument document, string clientName) =>
        document.Servers?.Count > 0 ? Map(document.Servers, EmittedMembers.OfEnvironments(clientName)) : Swagger2Server(document);

    public static List<ServerModel> Map(ICollection<OpenApiServer> servers, IEnumerable<string>? reserved = null)
    {
        var names = new NameScope(reserved);
        var result = new List<ServerModel>();
        var index = 0;
        // A list item written without a value ("servers: [ ~ ]") reads as null: it names no server.
        foreach (var server in servers.Where(s => s != null))
        {
            index++;
            var template = server.Url ?? string.Empty;
            var url = template;
            var parameters = new NameScope();
            var variables = new List<ServerVariableModel>();
            foreach (var variable in server.Variables ?? new Dictionary<string, OpenApiServerVariable>())
            {
                var fallback = variable.Value?.Default ?? string.Empty;
                url = url.Replace("{" + variable.Key + "}", fallback);
                // Only a variable the URL uses is the caller's to fill.
                if (template.IndexOf("{" + variable.Key + "}", StringComparison.Ordinal) < 0) continue;
                var values = (variable.Value?.Enum ?? new List<string>()).Where(v => v != null).ToEquatableArray();
                variables.Add(new ServerVariableModel(variable.Key, parameters.Claim(Identifier.Camel(variable.Key, "variable")), fallback, values, SpecText.OrNull(variable.Value?.Description)));
            }
            var name = names.Claim(!string.IsNullOrWhiteSpace(server.Description) ? Identifier.Pascal(server.Description, "Server") : "Server" + index.ToString(CultureInfo.InvariantCulture));
            result.Add(new ServerModel(name, url, SpecText.OrNull(server.Description))
            {
                Template = variables.Count > 0 ? template : null,
                FactoryName = variables.Count > 0 ? names.Claim(name + "At") : null,
                Variables = variables.ToEquatableArray(),
            });
        }
        return result;
    }

    private static List<ServerModel> Swagger2Server(OpenApiDocument document)
    {
        if (string.IsNullOrEmpty(document.Host)) return string.IsNullOrEmpty(document.BasePath) ? new List<ServerModel>() : new List<ServerModel> { new("Default", document.BasePath!, null) };
        var scheme = document.Schemes?.Count > 0 ? document.Schemes.First().ToString().ToLowerInvariant() : "https";
        return new List<ServerModel> { new("Default", scheme + "://" + document.Host + (document.BasePath ?? string.Empty), null) };
    }
}
