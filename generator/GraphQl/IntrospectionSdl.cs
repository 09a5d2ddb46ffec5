using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ClientGen.Generator.GraphQl;

/// <summary>
/// Writes a GraphQL introspection result (<c>{"data":{"__schema":…}}</c> or <c>{"__schema":…}</c>, as StrawberryShake
/// and graphql-js's <c>getIntrospectionQuery</c> store it) as SDL, so it is read like any schema file: types, fields,
/// arguments with their default values, interfaces, unions, enums, inputs, descriptions and deprecations. Directives
/// the server declares are left out: no operation of ours depends on them.
/// </summary>
internal static class IntrospectionSdl
{
    private static readonly HashSet<string> s_builtInScalars = new(StringComparer.Ordinal) { "String", "Int", "Float", "Boolean", "ID" };

    /// <summary>The SDL for <paramref name="json"/>.</summary>
    /// <exception cref="FormatException">The JSON is not an introspection result this can read (the message says why).</exception>
    public static string Convert(string json)
    {
        JToken root;
        try
        {
            // Introspection nests ofType a few levels per type reference; 128 is far more than any real schema needs.
            using var reader = new JsonTextReader(new StringReader(json)) { MaxDepth = 128, DateParseHandling = DateParseHandling.None };
            root = JToken.ReadFrom(reader);
        }
        catch (JsonException ex)
        {
            throw new FormatException("it is not valid JSON: " + ex.Message, ex);
        }
        var schema = (root["data"] as JObject)?["__schema"] as JObject ?? root["__schema"] as JObject
            ?? throw new FormatException("it has no __schema object (at the top or under data)");
        if (schema["types"] is not JArray types) throw new FormatException("__schema has no types array");

        var sdl = new StringBuilder();
        var query = RootName(schema, "queryType") ?? throw new FormatException("__schema names no queryType");
        sdl.Append("schema { query: ").Append(Name(query));
        if (RootName(schema, "mutationType") is { } mutation) sdl.Append(" mutation: ").Append(Name(mutation));
        if (RootName(schema, "subscriptionType") is { } subscription) sdl.Append(" subscription: ").Append(Name(subscription));
        sdl.Append(" }\n\n");
        foreach (var type in types.OfType<JObject>())
        {
            var name = (string?)type["name"];
            if (name == null || name.StartsWith("__", StringComparison.Ordinal)) continue;
            WriteType(sdl, type, Name(name));
        }
        return sdl.ToString();
    }

    private static string? RootName(JObject schema, string key) => schema[key] is JObject root ? (string?)root["name"] : null;

    private static void WriteType(StringBuilder sdl, JObject type, string name)
    {
        var kind = (string?)type["kind"];
        if (kind == "SCALAR" && s_builtInScalars.Contains(name)) return;
        Description(sdl, type, string.Empty);
        switch (kind)
        {
            case "SCALAR":
                sdl.Append("scalar ").Append(name).Append('\n');
                break;
            case "OBJECT":
            case "INTERFACE":
                sdl.Append(kind == "OBJECT" ? "type " : "interface ").Append(name);
                var interfaces = Names(type["interfaces"]);
                if (interfaces.Count > 0) sdl.Append(" implements ").Append(string.Join(" & ", interfaces));
                Block(sdl, type["fields"], field => Field(sdl, field));
                break;
            case "UNION":
                sdl.Append("union ").Append(name).Append(" = ").Append(string.Join(" | ", Names(type["possibleTypes"]))).Append('\n');
                break;
            case "ENUM":
                sdl.Append("enum ").Append(name);
                Block(sdl, type["enumValues"], value =>
                {
                    Description(sdl, value, "  ");
                    sdl.Append("  ").Append(Name((string?)value["name"])).Append(Deprecation(value)).Append('\n');
                });
                break;
            case "INPUT_OBJECT":
                sdl.Append("input ").Append(name);
                Block(sdl, type["inputFields"], field =>
                {
                    Description(sdl, field, "  ");
                    sdl.Append("  ").Append(InputValue(field)).Append('\n');
                });
                break;
            default:
                throw new FormatException($"the type '{name}' has the kind '{kind}', which GraphQL does not define");
        }
        sdl.Append('\n');
    }

    private static void Field(StringBuilder sdl, JObject field)
    {
        Description(sdl, field, "  ");
        sdl.Append("  ").Append(Name((string?)field["name"]));
        var arguments = (field["args"] as JArray)?.OfType<JObject>().ToList() ?? new List<JObject>();
        if (arguments.Count > 0) sdl.Append('(').Append(string.Join(", ", arguments.Select(InputValue))).Append(')');
        sdl.Append(": ").Append(TypeRef(field["type"], 0)).Append(Deprecation(field)).Append('\n');
    }

    // An argument or input field; its defaultValue is already GraphQL literal text in introspection.
    private static string InputValue(JObject value)
    {
        var text = Name((string?)value["name"]) + ": " + TypeRef(value["type"], 0);
        if (value["defaultValue"] is JValue { Type: JTokenType.String } defaultValue) text += " = " + (string)defaultValue!;
        return text;
    }

    private static void Block(StringBuilder sdl, JToken? members, Action<JObject> write)
    {
        var list = (members as JArray)?.OfType<JObject>().ToList() ?? new List<JObject>();
        // An empty block is not SDL; a type with no members (possible in introspection) is declared without one.
        if (list.Count == 0)
        {
            sdl.Append('\n');
            return;
        }
        sdl.Append(" {\n");
        foreach (var member in list) write(member);
        sdl.Append("}\n");
    }

    private static string TypeRef(JToken? type, int depth)
    {
        if (type is not JObject reference || depth > 32) throw new FormatException("a type reference is missing or nested too deep");
        return (string?)reference["kind"] switch
        {
            "NON_NULL" => TypeRef(reference["ofType"], depth + 1) + "!",
            "LIST" => "[" + TypeRef(reference["ofType"], depth + 1) + "]",
            _ => Name((string?)reference["name"]),
        };
    }

    private static List<string> Names(JToken? list) =>
        (list as JArray)?.OfType<JObject>().Select(t => Name((string?)t["name"])).ToList() ?? new List<string>();

    private static string Deprecation(JObject member)
    {
        if (member["isDeprecated"] is not JValue { Type: JTokenType.Boolean } deprecated || !(bool)deprecated!) return string.Empty;
        return member["deprecationReason"] is JValue { Type: JTokenType.String } reason ? $" @deprecated(reason: {Quoted((string)reason!)})" : " @deprecated";
    }

    private static void Description(StringBuilder sdl, JObject member, string indent)
    {
        if (member["description"] is not JValue { Type: JTokenType.String } description || ((string)description!).Length == 0) return;
        sdl.Append(indent).Append(Quoted((string)description!)).Append('\n');
    }

    // A one-line string literal: whatever the description holds (quotes, backslashes, newlines) stays text.
    private static string Quoted(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': quoted.Append("\\\""); break;
                case '\\': quoted.Append("\\\\"); break;
                case '\n': quoted.Append("\\n"); break;
                case '\r': quoted.Append("\\r"); break;
                case '\t': quoted.Append("\\t"); break;
                default:
                    if (c < ' ') quoted.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    else quoted.Append(c);
                    break;
            }
        }
        return quoted.Append('"').ToString();
    }

    // A name is written into SDL as it is, so it must be one: anything else would change what the SDL means.
    private static string Name(string? name)
    {
        if (string.IsNullOrEmpty(name) || !((name![0] < 128 && char.IsLetter(name[0])) || name[0] == '_') || name.Any(c => !(c == '_' || (c < 128 && char.IsLetterOrDigit(c)))))
        {
            throw new FormatException($"'{name}' is not a GraphQL name");
        }
        return name;
    }
}
