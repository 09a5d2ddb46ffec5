using System.Collections.Generic;
using ClientGen.Generator.Model;
using NJsonSchema;

namespace ClientGen.Generator.OpenApi.Schemas;

/// <summary>
/// A named type while the schemas are mapped: declared first (so recursive and forward references resolve), then
/// filled in by the builders and linked by <see cref="DiscriminatorLinker"/>, and finally turned into a
/// <see cref="TypeModel"/> by <see cref="TypeFinisher"/>. Mutable, and never leaves the OpenAPI front end.
/// </summary>
internal sealed class DeclaredType
{
    public DeclaredType(JsonSchema schema, SchemaShape shape, string name, string pointer)
    {
        Schema = schema;
        Shape = shape;
        Name = name;
        Pointer = pointer;
        Ref = TypeRef.NamedType(name, shape switch { SchemaShape.Enum => NamedKind.Enum, SchemaShape.UntaggedUnion => NamedKind.Union, _ => NamedKind.Object });
    }

    public JsonSchema Schema { get; }
    public SchemaShape Shape { get; }
    public string Name { get; }
    public string Pointer { get; }
    public TypeRef Ref { get; }
    public DeclaredType? Base { get; set; }
    public string? Discriminator { get; set; }
    public string? DiscriminatorValue { get; set; }

    /// <summary>A oneOf/anyOf variant that derives from its union only by being listed: its own schema has no discriminator.</summary>
    public bool IsListedVariant { get; set; }
    public List<DiscriminatorCase> Cases { get; } = new();
    public List<RawProperty> RawProperties { get; } = new();
    public List<PropertyModel> Properties { get; set; } = new();
    public TypeRef? AdditionalProperties { get; set; }
    public EnumModel? Enum { get; set; }
    public UnionModel? Union { get; set; }

    public bool IsAncestorOf(DeclaredType type)
    {
        for (var current = type.Base; current != null; current = current.Base)
        {
            if (current == this) return true;
        }
        return false;
    }

    /// <summary>The base chain, nearest first; a cycle (a spec whose allOf loops) ends it.</summary>
    public IEnumerable<DeclaredType> Ancestors()
    {
        var seen = new HashSet<DeclaredType>();
        for (var current = Base; current != null && seen.Add(current); current = current.Base) yield return current;
    }
}

/// <summary>A property as the spec writes it, before its name is claimed; its type is mapped once every type is declared.</summary>
internal sealed class RawProperty
{
    public RawProperty(string jsonName, JsonSchema schema, bool isRequired, string pointer)
    {
        JsonName = jsonName;
        Schema = schema;
        IsRequired = isRequired;
        Pointer = pointer;
    }

    public string JsonName { get; }
    public JsonSchema Schema { get; }
    public bool IsRequired { get; }
    public string Pointer { get; }
    public TypeRef? Type { get; set; }
}

/// <summary>Schemas are keyed by identity: NJsonSchema's equality is structural, and two identical schemas are two types.</summary>
internal sealed class ReferenceComparer : IEqualityComparer<JsonSchema>
{
    public static readonly ReferenceComparer Instance = new();

    public bool Equals(JsonSchema? x, JsonSchema? y) => ReferenceEquals(x, y);

    public int GetHashCode(JsonSchema obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
}
