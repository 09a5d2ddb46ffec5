using System;
using System.Collections.Generic;
using System.Linq;
using ClientGen.Generator.Naming;
using NJsonSchema;

namespace ClientGen.Generator.OpenApi.Schemas;

/// <summary>
/// Gathers an object schema's properties as the spec writes them: its own, then those of the allOf members it is
/// composed of (the first member that is a named object becomes the base record instead), with required-ness
/// merged across members, and each property's type mapped.
/// </summary>
internal static class ObjectBuilder
{
    public static void Build(DeclaredType type, SchemaMapper schemas)
    {
        var schema = type.Schema;
        var parts = new List<JsonSchema> { schema };
        // The first allOf member that is itself a named object becomes the base record; the rest are flattened in.
        foreach (var part in schema.AllOf)
        {
            var target = SchemaShapes.Unwrap(part, out _);
            if (type.Base == null && part.Reference != null && SchemaShapes.Classify(target) == SchemaShape.Object && !ReferenceEquals(target, schema))
            {
                type.Base = schemas.DeclareBase(target, type.Name + "Base", type.Pointer + "/allOf");
                continue;
            }
            parts.AddRange(SchemaShapes.Flatten(target));
        }

        var required = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in parts) foreach (var name in part.RequiredProperties) required.Add(name);

        foreach (var part in parts)
        {
            foreach (var entry in part.Properties)
            {
                if (type.RawProperties.Any(p => p.JsonName == entry.Key)) continue;
                var isRequired = entry.Value.IsRequired || required.Contains(entry.Key);
                var propertyPointer = type.Pointer + "/properties/" + JsonPointer.Escape(entry.Key);
                type.RawProperties.Add(new RawProperty(entry.Key, entry.Value, isRequired, propertyPointer));
            }
            if (part.AdditionalPropertiesSchema != null && type.AdditionalProperties == null)
            {
                type.AdditionalProperties = schemas.Map(part.AdditionalPropertiesSchema, type.Name + "Value", type.Pointer + "/additionalProperties");
            }
        }

        if (schema.DiscriminatorObject != null) type.Discriminator = schema.DiscriminatorObject.PropertyName;
        foreach (var property in type.RawProperties)
        {
            property.Type = schemas.Map(property.Schema, type.Name + Identifier.Pascal(property.JsonName), property.Pointer);
        }
    }
}
