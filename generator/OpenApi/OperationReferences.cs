using System;
using System.Collections.Generic;
using System.Linq;
using ClientGen.Generator.Common;
using ClientGen.Generator.OpenApi.Schemas;
using Newtonsoft.Json.Linq;

namespace ClientGen.Generator.OpenApi;

/// <summary>
/// Operations written as <c>get: { $ref: resources/droplets/list.yml }</c> (DigitalOcean does this throughout). OpenAPI
/// allows <c>$ref</c> on a path item, not on an operation, yet redocly and swagger-cli accept it, so the referenced
/// operation is put in its place, read from the AdditionalFiles, and bundled the way <c>redocly bundle</c> does:
/// <list type="bullet">
/// <item>a schema it refers to, in whatever file, becomes a component named after its key in that file or the
/// file's name (<c>models/droplet.yml</c> → <c>droplet</c>; a taken name gets 2, 3, … in the order met), so it is a
/// named type and every reference to it shares the type;</item>
/// <item>anything else it refers to (a parameter, a response, a header, a map of properties) is put in place.</item>
/// </list>
/// A fragment (<c>#/…</c>) inside a referenced file is into that file, not into the root.
/// </summary>
internal sealed class OperationReferences
{
    // Keys under which a $ref is a schema. Under any other key (parameters, responses, a properties map given by
    // reference) it is put in place.
    private static readonly HashSet<string> s_schemaKeys = new(StringComparer.Ordinal) { "schema", "items", "additionalProperties", "not", "allOf", "oneOf", "anyOf", "prefixItems", "contains" };

    private readonly IReadOnlyDictionary<string, string> _files;
    private readonly Func<string, string, JToken> _parse;
    private readonly Dictionary<string, JToken?> _parsed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _bundled = new(StringComparer.Ordinal);
    private readonly JObject _components;
    private readonly string _componentPrefix;

    private OperationReferences(JObject document, IReadOnlyDictionary<string, string> files, Func<string, string, JToken> parse)
    {
        _files = files;
        _parse = parse;
        var swagger2 = document["swagger"] != null;
        _componentPrefix = swagger2 ? "#/definitions/" : "#/components/schemas/";
        var components = swagger2 ? document : document["components"] as JObject ?? (JObject)(document["components"] = new JObject());
        _components = components[swagger2 ? "definitions" : "schemas"] as JObject ?? (JObject)(components[swagger2 ? "definitions" : "schemas"] = new JObject());
    }

    /// <summary>
    /// Inlines every operation <c>$ref</c> whose target is among <paramref name="files"/> and parses (with the input
    /// limits); returns how many, and the pointer of the first. One that cannot be inlined is left for CG1001.
    /// </summary>
    public static (int Count, string? First) Inline(JToken document, string rootPath, IReadOnlyDictionary<string, string> files, Func<string, string, JToken> parse)
    {
        if (document is not JObject root || root["paths"] is not JObject paths) return (0, null);
        var rootDirectory = SpecDiscovery.DirectoryOf(SpecPath.Normalize(rootPath));
        OperationReferences? bundler = null;
        var inlined = 0;
        string? first = null;
        foreach (var path in paths.Properties().Where(p => p.Value is JObject).ToList())
        {
            foreach (var method in ((JObject)path.Value).Properties().Where(p => OperationKeys.IsOperation(p.Name)).ToList())
            {
                if (method.Value is not JObject { Count: 1 } operation || operation["$ref"] is not JValue { Value: string reference } || reference.StartsWith("#", StringComparison.Ordinal)) continue;
                bundler ??= new OperationReferences(root, files, parse);
                var (file, fragment) = Split(reference, rootDirectory + "/");
                if (bundler.Target(file, fragment) is not JObject target) continue; // left as it is: CG1001 says what it means
                var copy = (JObject)target.DeepClone();
                bundler.Resolve(copy, file, 0);
                method.Value = copy;
                first ??= "/paths/" + JsonPointer.Escape(path.Name) + "/" + method.Name;
                inlined++;
            }
        }
        return (inlined, first);
    }

    /// <summary>Rewrites every reference under <paramref name="node"/>, which was read from <paramref name="file"/>.</summary>
    private void Resolve(JToken node, string file, int depth)
    {
        if (node is not JContainer container) return;
        foreach (var reference in container.DescendantsAndSelf().OfType<JProperty>().Where(p => p.Name == "$ref" && p.Value.Type == JTokenType.String).ToList())
        {
            if (reference.Parent is not JObject holder || holder.Parent == null) continue; // already replaced with what it named
            var value = (string)reference.Value!;
            if (value.Contains("://")) continue;
            var (target, fragment) = Split(value, file);
            if (IsSchemaPosition(holder))
            {
                if (Component(target, fragment, depth) is { } name) reference.Value = _componentPrefix + JsonPointer.Escape(name);
                continue;
            }
            if (holder.Count == 1 && depth < 32 && Target(target, fragment) is JObject content)
            {
                var copy = (JObject)content.DeepClone();
                Resolve(copy, target, depth + 1);
                holder.Replace(copy);
            }
        }
        // A discriminator's mapping names its schemas by reference too (a bare name is a component's, and stays).
        foreach (var mapped in container.DescendantsAndSelf().OfType<JProperty>()
            .Where(p => p.Name == "mapping" && p.Parent?.Parent is JProperty { Name: "discriminator" } && p.Value is JObject)
            .SelectMany(p => ((JObject)p.Value).Properties()).Where(p => p.Value.Type == JTokenType.String).ToList())
        {
            var value = (string)mapped.Value!;
            if (value.Contains("://") || (value.IndexOf('/') < 0 && value.IndexOf('#') < 0)) continue;
            var (target, fragment) = Split(value, file);
            if (Component(target, fragment, depth) is { } name) mapped.Value = _componentPrefix + JsonPointer.Escape(name);
        }
    }

    /// <summary>The component the schema at <paramref name="file"/>#<paramref name="fragment"/> is bundled as; null when it cannot be read.</summary>
    private string? Component(string file, string fragment, int depth)
    {
        var key = file + "#" + fragment;
        if (_bundled.TryGetValue(key, out var known)) return known;
        if (depth > 64 || Target(file, fragment) is not JObject schema) return null;
        var stem = fragment.Length > 0 ? fragment.Split('/').Last(s => s.Length > 0) : FileStem(file);
        var name = stem;
        for (var i = 2; _components[name] != null; i++) name = stem + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _bundled[key] = name; // before its own references, so a schema that refers to itself ends
        var copy = (JObject)schema.DeepClone();
        _components[name] = copy;
        Resolve(copy, file, depth + 1);
        return name;
    }

    private JToken? Target(string file, string fragment)
    {
        if (!_parsed.TryGetValue(file, out var tree))
        {
            tree = null;
            if (_files.TryGetValue(file, out var text))
            {
                try
                {
                    tree = _parse(text.TrimStart('\uFEFF'), file);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    tree = null; // a file that does not parse (or is past the input limits) is not used
                }
            }
            _parsed[file] = tree;
        }
        return tree == null ? null : Navigate(tree, fragment);
    }

    private static bool IsSchemaPosition(JObject holder)
    {
        // { $ref } as the value of a schema keyword, an item of allOf/oneOf/anyOf, or one property of a properties map.
        var parent = holder.Parent;
        if (parent is JArray array) parent = array.Parent;
        if (parent is not JProperty property) return false;
        if (s_schemaKeys.Contains(property.Name)) return true;
        return property.Parent?.Parent is JProperty { Name: "properties" or "patternProperties" or "definitions" or "$defs" };
    }

    // "models/droplet.yml#/droplet" read from a file in folder F: (F/models/droplet.yml, /droplet); "#/x": (file, /x).
    private static (string File, string Fragment) Split(string reference, string from)
    {
        var hash = reference.IndexOf('#');
        var path = hash < 0 ? reference : reference.Substring(0, hash);
        var fragment = hash < 0 ? string.Empty : reference.Substring(hash + 1);
        var file = path.Length == 0 ? from : SpecDiscovery.Combine(SpecDiscovery.DirectoryOf(from), Uri.UnescapeDataString(path));
        return (file, fragment);
    }

    private static string FileStem(string file)
    {
        var name = file.Substring(file.LastIndexOf('/') + 1);
        var dot = name.LastIndexOf('.');
        return dot > 0 ? name.Substring(0, dot) : name;
    }

    private static JToken? Navigate(JToken root, string pointer)
    {
        var current = root;
        foreach (var segment in pointer.Split('/').Where(s => s.Length > 0))
        {
            var name = Uri.UnescapeDataString(segment).Replace("~1", "/").Replace("~0", "~");
            current = current is JObject obj ? obj[name] : current is JArray array && int.TryParse(name, out var index) && index < array.Count ? array[index] : null;
            if (current == null) return null;
        }
        return current;
    }
}
