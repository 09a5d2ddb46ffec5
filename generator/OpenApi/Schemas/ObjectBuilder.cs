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
            property.Type = AsFile(schemas.Map(property.Schema, InlineName(type.Name, property.JsonName, schemas), property.Pointer));
        }
    }

    /// <summary>Binary inside a record only makes sense as a multipart part, where it needs a file name: a <c>FilePart</c>, lists of them too.</summary>
    private static Model.TypeRef AsFile(Model.TypeRef type) => type.Kind switch
    {
        Model.TypeRefKind.Stream => new Model.TypeRef(Model.TypeRefKind.File, IsNullable: type.IsNullable),
        Model.TypeRefKind.Array when type.Element!.Kind == Model.TypeRefKind.Stream => type with { Element = AsFile(type.Element) },
        _ => type,
    };

    /// <summary>
    /// The name of a property's inline schema: the record's name and the property's. When the property repeats the
    /// record's last word (an envelope <c>RunReportResponse</c> whose payload is <c>response</c>), the word is not said
    /// twice: the payload is <c>RunReportResult</c> (or <c>…Data</c> when that is taken), not <c>RunReportResponseResponse</c>.
    /// </summary>
    private static string InlineName(string typeName, string jsonName, SchemaMapper schemas)
    {
        var property = Identifier.Pascal(jsonName);
        if (property.Length == 0 || typeName.Length <= property.Length || !typeName.EndsWith(property, StringComparison.Ordinal)) return typeName + property;
        var stem = typeName.Substring(0, typeName.Length - property.Length);
        foreach (var candidate in new[] { stem + "Result", stem + "Data" })
        {
            if (!schemas.IsTypeNameUsed(candidate)) return candidate;
        }
        return typeName + property;
    }
}
