using System.Collections.Generic;
using System.Linq;
using ClientGen.Generator.Model;

namespace ClientGen.Generator.OpenApi;

/// <summary>Dotted JSON paths in declarations of ours (<c>response.status</c>), resolved to generated C# properties.</summary>
internal static class PropertyPaths
{
    /// <summary>Follows a dotted JSON path (<c>response.status</c>) through generated record properties.</summary>
    /// <param name="verbatim">The path is one property name as written, dots included (Azure's <c>odata.nextLink</c>).</param>
    public static List<PathHop>? Resolve(TypeRef root, string? path, Dictionary<string, TypeModel> types, out string? problem, bool verbatim = false)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(path))
        {
            problem = "it has no path to the value";
            return null;
        }
        var hops = new List<PathHop>();
        var current = root;
        foreach (var segment in verbatim ? new[] { path! } : path!.Split('.'))
        {
            if (current.Kind != TypeRefKind.Named || !types.TryGetValue(current.Name!, out var type) || type.Kind != TypeModelKind.Object)
            {
                problem = $"'{path}' goes through a value that is not an object at '{segment}'";
                return null;
            }
            var property = type.AllProperties.FirstOrDefault(p => p.JsonName == segment);
            if (property == null)
            {
                problem = $"'{type.Name}' has no property '{segment}' (path '{path}')";
                return null;
            }
            hops.Add(new PathHop(property.Name, property.Type.IsNullable));
            current = property.Type;
        }
        return hops;
    }

    /// <summary>The type at the end of a resolved path.</summary>
    public static TypeRef? TypeAt(TypeRef root, IReadOnlyList<PathHop> path, Dictionary<string, TypeModel> types)
    {
        var current = root;
        foreach (var hop in path)
        {
            if (current.Name == null || !types.TryGetValue(current.Name, out var type)) return null;
            current = type.AllProperties.First(p => p.Name == hop.Property).Type;
        }
        return current;
    }
}
