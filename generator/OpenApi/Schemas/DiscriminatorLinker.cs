using System;
using System.Collections.Generic;
using System.Linq;
using ClientGen.Generator.Model;
using NJsonSchema;

namespace ClientGen.Generator.OpenApi.Schemas;

/// <summary>
/// Gives every type with a discriminator its cases, once all types are declared and built: a union's variants (from
/// the mapping, then its oneOf/anyOf members by name) derive from it; an object's cases are its mapping plus its
/// derived types. A variant that already derives elsewhere is warned about (CG1001) and read as the base type.
/// </summary>
internal static class DiscriminatorLinker
{
    public static void Link(IReadOnlyList<DeclaredType> order, IReadOnlyDictionary<JsonSchema, DeclaredType> declared, DiagnosticSink diagnostics)
    {
        foreach (var type in order.Where(t => t.Discriminator != null).ToList())
        {
            var mapping = type.Schema.DiscriminatorObject?.Mapping ?? new Dictionary<string, JsonSchema>();
            var members = new List<(string Value, DeclaredType Type)>();
            foreach (var entry in mapping)
            {
                var target = SchemaShapes.Unwrap(entry.Value, out _);
                if (declared.TryGetValue(target, out var found) && found.Shape == SchemaShape.Object) members.Add((entry.Key, found));
            }
            if (type.Shape == SchemaShape.Union)
            {
                foreach (var variant in type.Schema.OneOf.Concat(type.Schema.AnyOf))
                {
                    var target = SchemaShapes.Unwrap(variant, out _);
                    if (declared.TryGetValue(target, out var found) && found.Shape == SchemaShape.Object && members.All(m => m.Type != found))
                    {
                        members.Add((DefaultDiscriminatorValue(found), found));
                    }
                }
                foreach (var (_, variant) in members)
                {
                    if (variant.Base == null && variant != type && !variant.IsAncestorOf(type))
                    {
                        variant.Base = type;
                        variant.IsListedVariant = true;
                    }
                }
            }
            else
            {
                foreach (var derived in order.Where(d => d != type && type.IsAncestorOf(d) && members.All(m => m.Type != d)))
                {
                    members.Add((DefaultDiscriminatorValue(derived), derived));
                }
            }

            foreach (var (value, variant) in members)
            {
                if (!type.IsAncestorOf(variant))
                {
                    diagnostics.Warn(DiagnosticDescriptors.UnsupportedConstruct, variant.Pointer,
                        $"Schema '{variant.Name}' as a variant of '{type.Name}' while it already derives from another type",
                        "it is not dispatched by the discriminator and is read as the base type");
                    continue;
                }
                variant.DiscriminatorValue ??= value;
                type.Cases.Add(new DiscriminatorCase(value, variant.Name));
            }
        }
    }

    public static string DefaultDiscriminatorValue(DeclaredType type)
    {
        if (type.Schema.ExtensionData != null && type.Schema.ExtensionData.TryGetValue("x-ms-discriminator-value", out var value) && value is string s) return s;
        var slash = type.Pointer.LastIndexOf('/');
        return Uri.UnescapeDataString(type.Pointer.Substring(slash + 1)).Replace("~1", "/").Replace("~0", "~");
    }
}
