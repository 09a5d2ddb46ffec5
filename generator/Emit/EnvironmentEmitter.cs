using System.Linq;

namespace ClientGen.Generator.Emit;

/// <summary>Emits the spec's servers as named environments, and the client's options class.</summary>
internal static class EnvironmentEmitter
{
    public static void EmitEnvironments(SourceWriter w, ClientLookup lookup)
    {
        var model = lookup.Model;
        w.Line($"/// <summary>The environments (servers) {Text.Xml(model.Title ?? model.ClientName)} documents.</summary>");
        w.Line(Emitter.GeneratedCodeAttribute);
        w.Open($"public static partial class {model.ClientName}Environments");
        foreach (var server in model.Servers)
        {
            Text.DocTag(w, "summary", (server.Description ?? server.Name) + ": " + server.Url);
            w.Line($"public static {RuntimeContract.ApiEnvironment} {server.Name} {{ get; }} = new({Text.Literal(server.Name)}, new global::System.Uri({Text.Literal(server.Url)}, global::System.UriKind.RelativeOrAbsolute));");
            w.Line();
        }
        w.Line("/// <summary>Every documented environment, in the spec's order; the first is the default.</summary>");
        w.Line($"public static global::System.Collections.Generic.IReadOnlyList<{RuntimeContract.ApiEnvironment}> All {{ get; }} = new {RuntimeContract.ApiEnvironment}[] {{ {string.Join(", ", model.Servers.Select(s => s.Name))} }};");
        w.Close();
    }

    public static void EmitOptions(SourceWriter w, ClientLookup lookup)
    {
        var model = lookup.Model;
        var defaultEnvironment = model.Servers.Count > 0 ? $"{model.ClientName}Environments.{model.Servers[0].Name}" : "null";
        var schemes = string.Join(", ", model.SecuritySchemes.Select(s =>
        {
            var init = new System.Collections.Generic.List<string>();
            if (s.TokenUrl != null) init.Add($"TokenUrl = new global::System.Uri({Text.Literal(s.TokenUrl)}, global::System.UriKind.RelativeOrAbsolute)");
            if (s.TokenUrlFollowsApiHost) init.Add("TokenUrlFollowsApiHost = true");
            if (s.ParameterName != null) init.Add($"ParameterName = {Text.Literal(s.ParameterName)}");
            var ctor = $"new({Text.Literal(s.Key)}, {RuntimeContract.ApiSecuritySchemeKind}.{s.Kind})";
            return init.Count == 0 ? ctor : ctor + " { " + string.Join(", ", init) + " }";
        }));
        w.Line($$"""
            /// <summary>Options for <see cref="{{model.ClientName}}"/>: which environment to call, or any base address.</summary>
            {{Emitter.GeneratedCodeAttribute}}
            public sealed partial class {{model.ClientName}}Options : {{RuntimeContract.ApiClientOptions}}
            {
                /// <summary>Creates options targeting the spec's first server.</summary>
                public {{model.ClientName}}Options()
                {
                    Environment = {{defaultEnvironment}};
                    KnownEnvironments = {{model.ClientName}}Environments.All;
                    SecuritySchemes = new {{RuntimeContract.ApiSecurityScheme}}[] { {{schemes}} };
                }
            }
            """);
    }
}
