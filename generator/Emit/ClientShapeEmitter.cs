using System.Collections.Generic;
using System.Linq;
using ClientGen.Generator.Model;
using ClientGen.Generator.Naming;

namespace ClientGen.Generator.Emit;

/// <summary>
/// Emits the two companion types every client has, from its <see cref="ClientShape"/> alone: the environments
/// class (one property per server) and the options class that defaults to the first of them.
/// </summary>
internal static class ClientShapeEmitter
{
    public static void EmitEnvironments(SourceWriter w, ClientShape shape)
    {
        w.Line($"/// <summary>{shape.EnvironmentsDoc}</summary>");
        w.Line(Emitter.GeneratedCodeAttribute);
        w.Open($"public static partial class {CompanionTypes.Environments(shape.ClientName)}");
        foreach (var server in shape.Servers)
        {
            Text.SpecDoc(w, "summary", (server.Description ?? server.Name) + ": " + server.Url + (server.TokenUrl != null ? $" (tokens from {server.TokenUrl})" : string.Empty));
            var token = server.TokenUrl != null ? $" {{ TokenEndpoint = {AbsoluteOrRelativeUri(server.TokenUrl)} }}" : string.Empty;
            w.Line($"public static {RuntimeContract.ApiEnvironment} {server.Name} {{ get; }} = new({Text.Literal(server.Name)}, {AbsoluteOrRelativeUri(server.Url)}){token};");
            w.Line();
            if (server.FactoryName != null) EmitServerFactory(w, server, token);
        }
        w.Line("/// <summary>Every documented environment, in the spec's order; the first is the default.</summary>");
        w.Line($"public static global::System.Collections.Generic.IReadOnlyList<{RuntimeContract.ApiEnvironment}> {EmittedMembers.EnvironmentsAll} {{ get; }} = new {RuntimeContract.ApiEnvironment}[] {{ {string.Join(", ", shape.Servers.Select(s => s.Name))} }};");
        w.Close();
    }

    // A server URL with variables ({endpoint}/api-version:{version}) is also a method that fills them: values go in as
    // written (a variable may hold a whole base URL), those without a default first and required.
    private static void EmitServerFactory(SourceWriter w, ServerModel server, string token)
    {
        var ordered = server.Variables.OrderBy(v => v.Default.Length == 0 ? 0 : 1).ToList();
        Text.SpecDoc(w, "summary", (server.Description ?? server.Name) + ": " + server.Template + ", its variables filled in.");
        foreach (var variable in ordered)
        {
            var values = variable.Values.Count > 0 ? " One of " + string.Join(", ", variable.Values.Select(v => "<c>" + Text.Xml(v) + "</c>")) + "." : string.Empty;
            w.Line($"/// <param name=\"{variable.ParameterName.TrimStart('@')}\">{Text.Xml(variable.Description ?? "The server's " + variable.Name + ".")}{values}</param>");
        }
        var parameters = string.Join(", ", ordered.Select(v => v.Default.Length == 0 ? $"string {v.ParameterName}" : $"string {v.ParameterName} = {Text.Literal(v.Default)}"));
        w.Open($"public static {RuntimeContract.ApiEnvironment} {server.FactoryName}({parameters})");
        foreach (var variable in ordered) w.Line($"global::System.ArgumentNullException.ThrowIfNull({variable.ParameterName});");
        var url = Text.Literal(server.Template!);
        var filled = server.Variables.Aggregate($"new global::System.Text.StringBuilder({url})", (text, v) => $"{text}.Replace({Text.Literal("{" + v.Name + "}")}, {v.ParameterName})");
        w.Line($"return new({Text.Literal(server.Name)}, new global::System.Uri({filled}.ToString(), global::System.UriKind.RelativeOrAbsolute)){token};");
        w.Close();
        w.Line();
    }

    public static void EmitOptions(SourceWriter w, ClientShape shape)
    {
        var environments = CompanionTypes.Environments(shape.ClientName);
        var options = CompanionTypes.Options(shape.ClientName);
        var defaultEnvironment = shape.Servers.Count > 0 ? $"{environments}.{shape.Servers[0].Name}" : "null";
        var schemes = string.Join(", ", shape.SecuritySchemes.Select(SchemeExpression));
        w.Line($"/// <summary>{shape.OptionsDoc}</summary>");
        w.Line(Emitter.GeneratedCodeAttribute);
        w.Open($"public sealed partial class {options} : {RuntimeContract.ApiClientOptions}");
        w.Line("/// <summary>Creates options targeting the spec's first server.</summary>");
        w.Open($"public {options}()");
        w.Line($"Environment = {defaultEnvironment};");
        foreach (var header in shape.ConstantHeaders) w.Line($"DefaultHeaders[{Text.Literal(header.Name)}] = {Text.Literal(header.Value)};");
        w.Close();
        w.Line();
        var echoed = new List<string>();
        if (shape.TrackIdHeader != null) echoed.Add($"TrackIdHeaders = new[] {{ {Text.Literal(shape.TrackIdHeader)} }}");
        if (shape.RequestIdHeader != null) echoed.Add($"RequestIdHeaders = new[] {{ {Text.Literal(shape.RequestIdHeader)} }}");
        var init = echoed.Count == 0 ? string.Empty : " { " + string.Join(", ", echoed) + " }";
        w.Line($"/// <summary>What the spec says about <see cref=\"{shape.ClientName}\"/>: its environments, security schemes and echoed headers.</summary>");
        w.Line($"public static {RuntimeContract.ApiClientMetadata} {EmittedMembers.OptionsClientMetadata} {{ get; }} = new({Text.Literal(shape.ClientName)}, {environments}.{EmittedMembers.EnvironmentsAll}, new {RuntimeContract.ApiSecurityScheme}[] {{ {schemes} }}){init};");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line($"protected override {RuntimeContract.ApiClientMetadata} {EmittedMembers.OptionsMetadata} => {EmittedMembers.OptionsClientMetadata};");
        foreach (var header in shape.Headers)
        {
            w.Line();
            Text.DocTag(w, "summary", header.Description is { } description ? Text.Xml(description) : $"The <c>{Text.Xml(header.WireName)}</c> header sent with every operation.");
            w.Line($$"""
                public string? {{header.PropertyName}}
                {
                    get => DefaultHeaders.TryGetValue({{Text.Literal(header.WireName)}}, out var value) ? value : null;
                    set
                    {
                        if (value is null) DefaultHeaders.Remove({{Text.Literal(header.WireName)}});
                        else DefaultHeaders[{{Text.Literal(header.WireName)}}] = value;
                    }
                }
                """);
        }
        w.Close();
    }

    private static string SchemeExpression(SecuritySchemeModel scheme)
    {
        var init = new List<string>();
        if (scheme.TokenUrl != null) init.Add($"TokenUrl = {AbsoluteOrRelativeUri(scheme.TokenUrl)}");
        if (scheme.TokenUrlFollowsApiHost) init.Add("TokenUrlFollowsApiHost = true");
        if (scheme.ParameterName != null) init.Add($"ParameterName = {Text.Literal(scheme.ParameterName)}");
        if (scheme.EntityHeader != null) init.Add($"EntityHeader = {Text.Literal(scheme.EntityHeader)}");
        var ctor = $"new({Text.Literal(scheme.Key)}, {RuntimeContract.ApiSecuritySchemeKind}.{scheme.Kind})";
        return init.Count == 0 ? ctor : ctor + " { " + string.Join(", ", init) + " }";
    }

    // A relative server URL ("/v1") is resolved against the base address the user configures.
    private static string AbsoluteOrRelativeUri(string url) => $"new global::System.Uri({Text.Literal(url)}, global::System.UriKind.RelativeOrAbsolute)";
}
