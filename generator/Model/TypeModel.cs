namespace ClientGen.Generator.Model;

public enum TypeModelKind
{
    /// <summary>A record with properties.</summary>
    Object,
    /// <summary>An open enum: a struct that keeps values the spec did not list.</summary>
    Enum,
}

/// <summary>One generated type. Emitted to its own file.</summary>
public sealed record TypeModel(
    string Name,
    TypeModelKind Kind,
    string? Description,
    bool IsDeprecated,
    string? BaseType,
    bool IsAbstract,
    bool HasDerivedTypes,
    EquatableArray<PropertyModel> Properties,
    EquatableArray<PropertyModel> AllProperties,
    TypeRef? AdditionalProperties,
    DiscriminatorModel? Discriminator,
    string? DiscriminatorValue,
    EnumModel? Enum,
    string SchemaPointer,
    bool AcceptsEncodedJson = false);

/// <summary>
/// A property of an object record. <see cref="IsTriState"/>: typed <c>Optional&lt;T&gt;</c> (GraphQL inputs).
/// <see cref="KeepsNull"/>: optional and nullable in a spec, typed <c>T?</c> but remembering whether it was set, so an
/// explicit null is written as null, an unset property is omitted, and a read value is written back as it came.
/// <see cref="DiscriminatorDefault"/>: a discriminator the spec requires is never null; it starts as this value (the
/// declaring type's own discriminator value, or empty) and each derived type's constructor sets its own.
/// </summary>
public sealed record PropertyModel(
    string JsonName,
    string Name,
    TypeRef Type,
    bool IsRequired,
    string? Description,
    bool IsDeprecated,
    string? DiscriminatorDefault,
    bool IsTriState = false,
    bool KeepsNull = false);

/// <summary>How a polymorphic base chooses its derived type: the property and every known value.</summary>
public sealed record DiscriminatorModel(string PropertyJsonName, EquatableArray<DiscriminatorCase> Cases);

public sealed record DiscriminatorCase(string Value, string TypeName);

public enum EnumUnderlying
{
    String,
    Integer,
}

public sealed record EnumModel(EnumUnderlying Underlying, EquatableArray<EnumMember> Members);

public sealed record EnumMember(string Name, string Value, string? Description);
