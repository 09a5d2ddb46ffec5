namespace ClientGen.Generator.Model;

public enum ParameterLocation
{
    Path,
    Query,
    Header,
    Cookie,
}

public enum BodyKind
{
    Json,
    FormUrlEncoded,
    Text,
    /// <summary>Binary or any other media type: the caller passes a stream.</summary>
    Stream,
    /// <summary><c>multipart/form-data</c> of an object: each property a part, files streamed.</summary>
    Multipart,
    /// <summary>A media type we do not model (other multipart types, XML): the caller passes <c>HttpContent</c>.</summary>
    RawContent,
}

public enum ResponseKind
{
    None,
    Json,
    Text,
    Stream,
}

/// <summary>One operation of the client: becomes one async method.</summary>
public sealed record OperationModel(
    string MethodName,
    string OperationId,
    string HttpMethod,
    string Path,
    string? Summary,
    string? Description,
    bool IsDeprecated,
    EquatableArray<ParameterModel> Parameters,
    BodyModel? Body,
    ResponseModel Success,
    EquatableArray<ErrorResponseModel> Errors,
    EquatableArray<ServerModel> Servers,
    EquatableArray<string> Security,
    string? IdempotencyHeader,
    EquatableArray<CallOptionRule> CallOptionRules);

/// <summary>An <c>ApiCallOptions</c> property whose header the runtime sends (the spec's idempotency, track id or entity header).</summary>
public enum CallOption
{
    IdempotencyKey,
    TrackId,
    Entity,
}

/// <summary>
/// The length and pattern the spec's header parameter sets for a value the caller now passes in <c>ApiCallOptions</c>
/// (Zuora's track id: at most 64 characters, no quotes): checked before the request is sent, as a parameter's would be.
/// </summary>
public sealed record CallOptionRule(string WireName, CallOption Option, int? MinLength, int? MaxLength, string? Pattern);

/// <summary>How a parameter's value is serialized (OpenAPI 3 <c>style</c>; Swagger 2.0's collectionFormat maps onto these).</summary>
public enum ParameterStyle
{
    Form,
    SpaceDelimited,
    PipeDelimited,
    DeepObject,
    Simple,
    Label,
    Matrix,

    /// <summary>Swagger 2.0's <c>collectionFormat: tsv</c>, which OpenAPI 3 has no style for.</summary>
    TabDelimited,
}

/// <summary>What the runtime can configure by itself for a security scheme; each name is a member of the runtime's ApiSecuritySchemeKind.</summary>
public enum SecuritySchemeKind
{
    Other,
    OAuth2ClientCredentials,
    HttpBearer,
    ApiKeyHeader,
}

public sealed record ParameterModel(
    string Name,
    string WireName,
    ParameterLocation Location,
    TypeRef Type,
    bool IsRequired,
    string? Description,
    bool IsDeprecated,
    ParameterStyle Style,
    bool Explode,
    int? MinLength,
    int? MaxLength,
    string? Pattern);

public sealed record BodyModel(string ParameterName, TypeRef Type, BodyKind Kind, string ContentType, bool IsRequired, string? Description)
{
    /// <summary>A form body's <c>encoding</c> entries; fields without one use the form defaults (and brackets when nested).</summary>
    public EquatableArray<FormFieldModel> FormFields { get; init; } = EquatableArray<FormFieldModel>.Empty;

    /// <summary>The parameter that names the media type of bytes the spec leaves open (defaulting to <see cref="ContentType"/>).</summary>
    public string? ContentTypeParameter { get; init; }
}

/// <summary>OpenAPI's <c>encoding</c> entry for one form field; each member is the runtime's <c>FormField</c>.</summary>
public sealed record FormFieldModel(string Name, string Style, bool Explode, bool IsJson);

public sealed record ResponseModel(string StatusCode, ResponseKind Kind, TypeRef? Type, string? ContentType, string? Description)
{
    /// <summary>The request's <c>Accept</c> header, one entry per media type (with its <c>q</c>, if any): what the client reads this response as.</summary>
    public EquatableArray<string> Accept { get; init; } = EquatableArray<string>.Empty;

    /// <summary>The other media types a JSON success also comes in (content negotiation): a twin method asks for them and hands the bytes over.</summary>
    public EquatableArray<string> FileAccept { get; init; } = EquatableArray<string>.Empty;
}

/// <summary>A documented error status, with its body type and what the spec declares it means.</summary>
public sealed record ErrorResponseModel(string StatusCode, TypeRef? Type, string? Description, IdempotencyRefusal Refusal = IdempotencyRefusal.None);

/// <summary>
/// What a spec declares an error status means for an idempotency-keyed request (<c>x-clientgen-idempotency</c> on the
/// response): the vendor's rule, not ours, so a 409 or 422 the spec does not declare stays an ordinary typed error.
/// </summary>
public enum IdempotencyRefusal
{
    None,

    /// <summary>A request with the same key is still being processed: retry later with the same key.</summary>
    InProgress,

    /// <summary>The key was already used for a different request: a programming error, never retried.</summary>
    KeyReused,
}

/// <summary>A server: <see cref="Url"/> has its variables at their defaults; <see cref="Template"/> keeps them for a factory.</summary>
public sealed record ServerModel(string Name, string Url, string? Description, string? TokenUrl = null)
{
    /// <summary>The URL with its <c>{variables}</c>, when it has any.</summary>
    public string? Template { get; init; }

    /// <summary>The factory method that fills the variables (<c>{Name}At</c>), when there are any.</summary>
    public string? FactoryName { get; init; }

    public EquatableArray<ServerVariableModel> Variables { get; init; } = EquatableArray<ServerVariableModel>.Empty;
}

/// <summary>A server variable: its factory parameter, its default (empty: the caller must give it) and the values the spec lists.</summary>
public sealed record ServerVariableModel(string Name, string ParameterName, string Default, EquatableArray<string> Values, string? Description);

public sealed record SecuritySchemeModel(string Key, SecuritySchemeKind Kind, string? ParameterName, string? TokenUrl, bool TokenUrlFollowsApiHost, string? EntityHeader = null);
