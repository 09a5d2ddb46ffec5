namespace ClientGen.Generator.Model;

public enum TypeModelKind
{
    /// <summary>A record with properties.</summary>
    Object,
    /// <summary>An open enum: a struct that keeps values the spec did not list.</summary>
    Enum,
    /// <summary>A union without a discriminator: a struct holding one member's value, or the raw JSON of an unknown shape.</summary>
    Union,
}

/// <summary>One generated type. Emitted to its own file.</summary>
public sealed record TypeModel
{
    public required string Name { get; init; }

    public required TypeModelKind Kind { get; init; }

    public string? Description { get; init; }

    public bool IsDeprecated { get; init; }

    /// <summary>The record this one derives from (an allOf base, a discriminated union, a GraphQL interface).</summary>
    public string? BaseType { get; init; }

    /// <summary>The properties this record declares.</summary>
    public EquatableArray<PropertyModel> Properties { get; init; } = EquatableArray<PropertyModel>.Empty;

    /// <summary>Inherited then own properties: what the JSON reader and writer cover.</summary>
    public EquatableArray<PropertyModel> AllProperties { get; init; } = EquatableArray<PropertyModel>.Empty;

    /// <summary>The type of values outside the declared properties, when the schema types them.</summary>
    public TypeRef? AdditionalProperties { get; init; }

    public DiscriminatorModel? Discriminator { get; init; }

    /// <summary>This type's own value of its base's discriminator.</summary>
    public string? DiscriminatorValue { get; init; }

    /// <summary>
    /// A union variant whose schema lacks the discriminator writes it only when written as the union: the same schema
    /// used directly (the value of an envelope property) is written as its schema says, untagged.
    /// </summary>
    public bool TagsOnlyAsBase { get; init; }

    public EnumModel? Enum { get; init; }

    public UnionModel? Union { get; init; }

    /// <summary>GraphQL's JSON scalar: the value may also arrive as a string holding the JSON.</summary>
    public bool AcceptsEncodedJson { get; init; }
}

/// <summary>
/// A property of an object record. <see cref="IsTriState"/>: typed <c>Optional&lt;T&gt;</c> (GraphQL inputs).
/// <see cref="KeepsNull"/>: optional and nullable in a spec, typed <c>T?</c> but remembering whether it was set, so an
/// explicit null is written as null, an unset property is omitted, and a read value is written back as it came.
/// <see cref="DiscriminatorDefault"/>: a discriminator the spec requires is never null; it starts as this value (the
/// declaring type's own discriminator value, or empty) and each derived type's constructor sets its own.
/// </summary>
public sealed record PropertyModel
{
    public required string JsonName { get; init; }

    public required string Name { get; init; }

    public required TypeRef Type { get; init; }

    public required bool IsRequired { get; init; }

    public string? Description { get; init; }

    public bool IsDeprecated { get; init; }

    public string? DiscriminatorDefault { get; init; }

    public bool IsTriState { get; init; }

    public bool KeepsNull { get; init; }
}

/// <summary>How a polymorphic base chooses its derived type: the property and every known value.</summary>
public sealed record DiscriminatorModel(string PropertyJsonName, EquatableArray<DiscriminatorCase> Cases);

public sealed record DiscriminatorCase(string Value, string TypeName);

public enum EnumUnderlying
{
    String,
    Integer,

    /// <summary>Numbers that are not all integers, kept as <c>decimal</c> so a listed 2.2 is written back as 2.2.</summary>
    Number,
}

public sealed record EnumModel(EnumUnderlying Underlying, EquatableArray<EnumMember> Members);

public sealed record EnumMember(string Name, string Value, string? Description);
