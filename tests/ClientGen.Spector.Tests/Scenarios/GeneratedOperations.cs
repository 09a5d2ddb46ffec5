using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using ClientGen.Runtime;

namespace ClientGen.Spector.Tests.Scenarios;

/// <summary>A generated operation: its client, its method and what its descriptor says (id, verb, path template).</summary>
public sealed record GeneratedOperation(Type Client, MethodInfo Method, ApiOperation Descriptor, Regex Path)
{
    public string Namespace => Client.Namespace!;
}

/// <summary>
/// The generated operations of a Spector area, found the way a reader of the generated code finds them: the client classes
/// of the area's namespace (<c>Spector.</c> and the area's path in Pascal case), their <see cref="ApiOperation"/>
/// descriptors, and the method named after each operation id.
/// </summary>
public static class GeneratedOperations
{
    private static readonly ConcurrentDictionary<string, IReadOnlyList<GeneratedOperation>> s_byArea = new();
    private static readonly ConcurrentDictionary<string, JsonSerializerOptions> s_json = new();

    public static string NamespaceOf(string area) =>
        "Spector." + string.Join('.', area.Split('/').Select(segment => string.Concat(Regex.Split(segment, "[^A-Za-z0-9]+").Where(w => w.Length > 0).Select(w => char.ToUpperInvariant(w[0]) + w[1..]))));

    public static IReadOnlyList<GeneratedOperation> Of(string area) => s_byArea.GetOrAdd(area, static area =>
    {
        var prefix = NamespaceOf(area);
        var clients = typeof(GeneratedOperations).Assembly.GetTypes()
            .Where(t => t.IsClass && t.Namespace is { } ns && ns.StartsWith(prefix, StringComparison.Ordinal) && t.Name.EndsWith("Client", StringComparison.Ordinal) && !t.IsAbstract);
        var operations = new List<GeneratedOperation>();
        foreach (var client in clients)
        {
            var methods = client.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal)).ToArray();
            foreach (var field in client.GetFields(BindingFlags.NonPublic | BindingFlags.Static).Where(f => f.FieldType == typeof(ApiOperation)))
            {
                var descriptor = (ApiOperation)field.GetValue(null)!;
                var method = methods.FirstOrDefault(m => Simple(m.Name) == Simple(descriptor.OperationId) + "async");
                if (method is not null) operations.Add(new GeneratedOperation(client, method, descriptor, PathPattern(descriptor.PathTemplate)));
            }
        }
        // A versioned area has a document per version (Spector.Versioning.AddedV1, …V2): the newest answers first.
        return operations.OrderByDescending(o => o.Namespace, StringComparer.Ordinal).ToList();
    });

    /// <summary>The operation a scenario call reaches: same verb, a path template that matches, literal segments preferred.</summary>
    public static GeneratedOperation? For(string area, ScenarioCall call, Func<GeneratedOperation, bool>? prefer = null)
    {
        // A versioned area's call names its version in the server path (api-version:v2): that version's document first.
        var version = Regex.Match(call.Uri, "api-version:([^/]+)") is { Success: true } named ? "V" + named.Groups[1].Value[1..] : null;
        var matches = Of(area)
            .Where(o => string.Equals(o.Descriptor.Method, call.Method, StringComparison.OrdinalIgnoreCase) && o.Path.IsMatch(call.Uri))
            .OrderBy(o => version is not null && o.Namespace.EndsWith(version, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(o => VariableText(o, call.Uri))
            .ThenByDescending(o => o.Descriptor.PathTemplate.Length)
            .ToArray();
        return (prefer is null ? null : matches.FirstOrDefault(prefer)) ?? matches.FirstOrDefault();
    }

    /// <summary>Reads and writes like the client does: its generated resolver first, the reflection one for the test's own collections.</summary>
    public static JsonSerializerOptions JsonFor(string ns) => s_json.GetOrAdd(ns, static ns =>
    {
        var options = new JsonSerializerOptions();
        foreach (var resolver in typeof(GeneratedOperations).Assembly.GetTypes().Where(t => t.Namespace == ns && typeof(IJsonTypeInfoResolver).IsAssignableFrom(t)))
        {
            options.TypeInfoResolverChain.Add((IJsonTypeInfoResolver)resolver.GetProperty("Default")!.GetValue(null)!);
        }
        options.TypeInfoResolverChain.Add(new DefaultJsonTypeInfoResolver());
        return options;
    });

    public static string Simple(string name) => Regex.Replace(name, "[^A-Za-z0-9]", "").ToLowerInvariant();

    /// <summary>A parameter's wire name as the generator spelled it: a parameter renamed away from a reserved one keeps a digit suffix.</summary>
    public static string SimpleParameter(string name) => Simple(name).TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');

    // A template's variables match any text (a reserved or exploded value spans segments); the server part of the
    // path may come first. Templates with more literal text are preferred by the caller.
    private static Regex PathPattern(string template)
    {
        var index = 0;
        var pattern = Regex.Replace(Regex.Escape(template), @"\\\{(\\\+)?([^}]*)}", m => $"(?<v{index++}>.*?)");
        // "/" is the server URL itself (an operation at the root of a server path).
        return template == "/" ? new Regex("^(?<server>.*?)/?$", RegexOptions.CultureInvariant) : new Regex("^(?<server>.*?)" + pattern + "$", RegexOptions.CultureInvariant);
    }

    // The literal text of a template should account for as much of the call's path as it can: a variable that swallows
    // segments the server path could hold is the worse match.
    private static int VariableText(GeneratedOperation operation, string uri)
    {
        var match = operation.Path.Match(uri);
        return match.Groups.Values.Where(g => g.Name.StartsWith('v')).Sum(g => g.Length);
    }

    /// <summary>The part of a call's path that belongs to the server's URL (its variables already filled in).</summary>
    public static string ServerPath(GeneratedOperation operation, string uri) => operation.Path.Match(uri).Groups["server"].Value;

    /// <summary>The path variables of a call, by name, as the template names them.</summary>
    public static Dictionary<string, string> PathValues(GeneratedOperation operation, string uri)
    {
        var names = Regex.Matches(operation.Descriptor.PathTemplate, @"\{\+?([^}]*)}").Select(m => m.Groups[1].Value).ToArray();
        var match = operation.Path.Match(uri);
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < names.Length; i++) values[names[i]] = Uri.UnescapeDataString(match.Groups["v" + i].Value);
        return values;
    }
}
