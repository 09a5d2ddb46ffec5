namespace ClientGen.Generator.Model;

public enum TypeRefKind
{
    String,
    Int32,
    Int64,
    Float,
    Double,
    Decimal,
    Boolean,
    DateTimeOffset,
    Date,
    Guid,
    Uri,
    Bytes,
    /// <summary>Bytes written as base64url (RFC 4648 §5, unpadded): <c>format: base64url</c>.</summary>
    Base64Url,
    /// <summary>A <c>TimeSpan</c> written as an ISO 8601 duration: <c>format: duration</c>.</summary>
    Duration,
    /// <summary>A <c>DateTimeOffset</c> written as an RFC 7231 date: <c>format: http-date</c>.</summary>
    HttpDate,
    /// <summary>A <c>DateTimeOffset</c> written as Unix seconds: an integer of <c>format: unixtime</c>.</summary>
    UnixTime,
    /// <summary>Any JSON value, kept as a <c>JsonElement</c> so nothing is lost.</summary>
    Any,
    /// <summary>A request or response body carried as a raw stream (binary, non-JSON media types).</summary>
    Stream,
    Array,
    Map,
    /// <summary>A generated type: object record, open enum or polymorphic base.</summary>
    Named,
    /// <summary>A file part of a multipart body (a <c>format: binary</c> property): the runtime's <c>FilePart</c>.</summary>
    File,
    /// <summary>The runtime's <c>IdOr&lt;T&gt;</c>: an id string or the object record <see cref="TypeRef.Element"/>.</summary>
    IdOr,
}

/// <summary>A use of a type: a primitive, a collection of another <see cref="TypeRef"/>, or a generated type by name.</summary>
public sealed record TypeRef(TypeRefKind Kind, string? Name = null, TypeRef? Element = null, bool IsNullable = false, NamedKind NamedKind = NamedKind.None)
{
    public TypeRef AsNullable(bool nullable = true) => IsNullable == nullable ? this : this with { IsNullable = nullable };

    public bool IsValueType => Kind switch
    {
        TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Float or TypeRefKind.Double or TypeRefKind.Decimal
            or TypeRefKind.Boolean or TypeRefKind.DateTimeOffset or TypeRefKind.Date or TypeRefKind.Guid or TypeRefKind.Any or TypeRefKind.IdOr
            or TypeRefKind.Duration or TypeRefKind.HttpDate or TypeRefKind.UnixTime => true,
        TypeRefKind.Named => NamedKind is NamedKind.Enum or NamedKind.Union,
        _ => false,
    };

    public static TypeRef Of(TypeRefKind kind) => new(kind);

    public static TypeRef ArrayOf(TypeRef element) => new(TypeRefKind.Array, Element: element);

    public static TypeRef MapOf(TypeRef element) => new(TypeRefKind.Map, Element: element);

    public static TypeRef IdOrOf(TypeRef record) => new(TypeRefKind.IdOr, Element: record);

    public static TypeRef NamedType(string name, NamedKind kind) => new(TypeRefKind.Named, name, NamedKind: kind);
}

public enum NamedKind
{
    None,
    Object,
    Enum,
    /// <summary>A union without a discriminator: a struct.</summary>
    Union,
}
