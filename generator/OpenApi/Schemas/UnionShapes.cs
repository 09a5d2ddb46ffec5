using System.Collections.Generic;
using System.Linq;
using NJsonSchema;

namespace ClientGen.Generator.OpenApi.Schemas;

/// <summary>A member schema of a union, with the pointer it is reported at.</summary>
internal sealed record UnionMemberSchema(JsonSchema Schema, string Pointer);

/// <summary>
/// Which schemas are unions without a discriminator and what their members are, as the spec writes them: a pure
/// function of the schema, asked before anything is mapped, so a union is declared once and an id-or-object pair is
/// recognised without mapping its object first.
/// </summary>
internal static class UnionShapes
{
    private const int MaxDepth = 8;

    private const JsonObjectType ValueTypes = JsonObjectType.String | JsonObjectType.Integer | JsonObjectType.Number | JsonObjectType.Boolean | JsonObjectType.Array | JsonObjectType.Object;

    /// <summary>
    /// A schema (already unwrapped) that declares no record or enum and lists two or more non-null alternatives:
    /// <c>oneOf</c>/<c>anyOf</c> without a discriminator, or a type array such as <c>[string, integer]</c> (OpenAPI 3.1).
    /// </summary>
    public static bool IsUnion(JsonSchema schema) =>
        SchemaShapes.Classify(schema) == null && (schema.OneOf.Count > 0 || schema.AnyOf.Count > 0 || TypeCount(schema.Type) > 1)
        && Members(schema, string.Empty).Count > 1;

    /// <summary>
    /// The alternatives in spec order, nulls left out (they make the use nullable). A member that is itself such a union
    /// is replaced by its own members, since a JSON value is one of them either way. A type array becomes one member per
    /// type, each keeping the schema's format, items and properties.
    /// </summary>
    public static List<UnionMemberSchema> Members(JsonSchema schema, string pointer)
    {
        var members = new List<UnionMemberSchema>();
        Collect(schema, pointer, members, 0);
        return members;
    }

    /// <summary>
    /// Stripe's expandable field: exactly a plain string and one object record. The runtime's <c>IdOr&lt;T&gt;</c> reads
    /// it, so it needs no union of its own.
    /// </summary>
    public static int IdOrRecordIndex(IReadOnlyList<UnionMemberSchema> members)
    {
        if (members.Count != 2) return -1;
        var first = SchemaShapes.Unwrap(members[0].Schema, out _);
        var second = SchemaShapes.Unwrap(members[1].Schema, out _);
        if (IsPlainString(first) && SchemaShapes.Classify(second) == SchemaShape.Object) return 1;
        if (IsPlainString(second) && SchemaShapes.Classify(first) == SchemaShape.Object) return 0;
        return -1;
    }

    private static void Collect(JsonSchema schema, string pointer, List<UnionMemberSchema> members, int depth)
    {
        var list = schema.OneOf.Count > 0 ? schema.OneOf : schema.AnyOf;
        var keyword = schema.OneOf.Count > 0 ? "/oneOf/" : "/anyOf/";
        if (list.Count == 0)
        {
            // A type array: one member per type, the same schema seen as each type.
            foreach (var type in new[] { JsonObjectType.String, JsonObjectType.Integer, JsonObjectType.Number, JsonObjectType.Boolean, JsonObjectType.Array, JsonObjectType.Object })
            {
                if (schema.Type.HasFlag(type)) members.Add(new UnionMemberSchema(AsType(schema, type), pointer));
            }
            return;
        }
        var index = 0;
        foreach (var member in list)
        {
            var memberPointer = pointer + keyword + index++;
            if (SchemaShapes.IsNullType(member)) continue;
            var target = SchemaShapes.Unwrap(member, out _);
            // A member that is itself a union (oneOf/anyOf, or a type array) contributes its own members.
            if (depth < MaxDepth && SchemaShapes.Classify(target) == null && (target.OneOf.Count > 0 || target.AnyOf.Count > 0 || TypeCount(target.Type) > 1))
            {
                Collect(target, memberPointer, members, depth + 1);
                continue;
            }
            members.Add(new UnionMemberSchema(member, memberPointer));
        }
    }

    private static JsonSchema AsType(JsonSchema schema, JsonObjectType type)
    {
        var single = new JsonSchema { Type = type, Format = type == JsonObjectType.String ? schema.Format : null, Title = schema.Title };
        if (type == JsonObjectType.Array) single.Item = schema.Item;
        if (type == JsonObjectType.Object && schema.AdditionalPropertiesSchema != null) single.AdditionalPropertiesSchema = schema.AdditionalPropertiesSchema;
        return single;
    }

    private static int TypeCount(JsonObjectType type)
    {
        var count = 0;
        for (var bits = (int)(type & ValueTypes); bits != 0; bits &= bits - 1) count++;
        return count;
    }

    private static bool IsPlainString(JsonSchema schema) =>
        (schema.Type & ~JsonObjectType.Null) == JsonObjectType.String && schema.Enumeration.Count == 0 && string.IsNullOrEmpty(schema.Format)
        && schema.OneOf.Count == 0 && schema.AnyOf.Count == 0 && schema.Reference == null;
}
