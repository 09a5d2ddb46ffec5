using System.Collections.Generic;
using System.Linq;
using NJsonSchema;

namespace ClientGen.Generator.OpenApi.Schemas;

/// <summary>What a named type declared for a schema is.</summary>
internal enum SchemaShape
{
    Object,
    Enum,
    /// <summary>A discriminated union: a polymorphic base record.</summary>
    Union,
    /// <summary>A union without a discriminator: a struct that holds one member (<see cref="UnionShapes"/>).</summary>
    UntaggedUnion,
}

/// <summary>
/// What a schema is, seen through the wrappers specs put around references: which named shape it declares, whether
/// it is nullable, and the allOf members it is composed of. Pure functions of the schema.
/// </summary>
internal static class SchemaShapes
{
    /// <summary>
    /// Follows <c>$ref</c>s and the wrappers specs use to decorate a reference: <c>allOf: [$ref]</c>,
    /// <c>oneOf/anyOf: [$ref, {type: null}]</c>. Reports whether any layer made the value nullable.
    /// </summary>
    public static JsonSchema Unwrap(JsonSchema schema, out bool nullable)
    {
        nullable = false;
        for (var guard = 0; guard < 64; guard++)
        {
            nullable |= IsNullable(schema);
            if (schema.Reference != null)
            {
                schema = schema.Reference;
                continue;
            }
            if (schema.Properties.Count == 0 && schema.Enumeration.Count == 0 && schema.DiscriminatorObject == null && schema.AdditionalPropertiesSchema == null)
            {
                if (schema.AllOf.Count == 1 && schema.OneOf.Count == 0 && schema.AnyOf.Count == 0)
                {
                    schema = schema.AllOf.First();
                    continue;
                }
                var union = schema.OneOf.Count > 0 ? schema.OneOf : schema.AnyOf;
                if (schema.AllOf.Count == 0 && union.Count > 0 && (schema.OneOf.Count == 0 || schema.AnyOf.Count == 0))
                {
                    var nonNull = union.Where(s => !IsNullType(s)).ToList();
                    if (nonNull.Count == 1)
                    {
                        nullable |= nonNull.Count != union.Count;
                        schema = nonNull[0];
                        continue;
                    }
                }
            }
            break;
        }
        return schema;
    }

    public static bool IsNullable(JsonSchema schema) =>
        schema.IsNullableRaw == true || schema.Type.HasFlag(JsonObjectType.Null)
        || (schema.ExtensionData != null && schema.ExtensionData.TryGetValue("x-nullable", out var xNullable) && xNullable is true);

    public static bool IsNullType(JsonSchema schema) => schema.Reference == null && schema.Type == JsonObjectType.Null;

    public static SchemaShape? Classify(JsonSchema schema)
    {
        var type = schema.Type & ~JsonObjectType.Null;
        if (schema.Enumeration.Count > 0 && (type is JsonObjectType.String or JsonObjectType.Integer or JsonObjectType.Number or JsonObjectType.None)
            && schema.Enumeration.Any(v => v is string or long or int or double) && schema.Properties.Count == 0)
        {
            return SchemaShape.Enum;
        }
        if (schema.DiscriminatorObject != null && (schema.OneOf.Count > 0 || schema.AnyOf.Count > 0) && schema.Properties.Count == 0 && schema.AllOf.Count == 0)
        {
            return SchemaShape.Union;
        }
        if (schema.Properties.Count > 0 || schema.DiscriminatorObject != null)
        {
            return SchemaShape.Object;
        }
        if (schema.AllOf.Count > 0 && schema.OneOf.Count == 0 && schema.AnyOf.Count == 0
            && schema.AllOf.Any(part => Classify(Unwrap(part, out _)) == SchemaShape.Object || Unwrap(part, out _).Properties.Count > 0))
        {
            return SchemaShape.Object;
        }
        return null;
    }

    /// <summary>An allOf member's own schema plus, recursively, the members it is composed of.</summary>
    public static IEnumerable<JsonSchema> Flatten(JsonSchema schema)
    {
        yield return schema;
        foreach (var part in schema.AllOf)
        {
            foreach (var inner in Flatten(Unwrap(part, out _))) yield return inner;
        }
    }

    public static string? Describe(JsonSchema schema)
    {
        var text = !string.IsNullOrWhiteSpace(schema.Description) ? schema.Description : schema.Title;
        return string.IsNullOrWhiteSpace(text) ? null : text!.Trim();
    }
}
