using ClientGen.Generator.Model;
using NJsonSchema;

namespace ClientGen.Generator.OpenApi.Schemas;

/// <summary>The <see cref="TypeRef"/> of a schema that declares no named type: a JSON scalar by its type and format, or by its <c>const</c>.</summary>
internal static class ScalarTypes
{
    /// <summary>
    /// <c>const</c> without a <c>type</c> (OpenAPI 3.1, JSON Schema): NJsonSchema keeps the keyword as extension data, so
    /// the value's own JSON type is the property's type: <c>const: card</c> is a string, <c>const: 2</c> an integer.
    /// </summary>
    public static TypeRef? ConstType(JsonSchema schema)
    {
        if (schema.ExtensionData == null || !schema.ExtensionData.TryGetValue("const", out var value) || value == null) return null;
        return value switch
        {
            string => TypeRef.Of(TypeRefKind.String),
            bool => TypeRef.Of(TypeRefKind.Boolean),
            int or long or short or byte => TypeRef.Of(TypeRefKind.Int64),
            double or float or decimal => TypeRef.Of(TypeRefKind.Double),
            _ => null,
        };
    }

    public static bool IsSingleType(JsonObjectType type) =>
        type is JsonObjectType.String or JsonObjectType.Integer or JsonObjectType.Number or JsonObjectType.Boolean or JsonObjectType.File;

    public static TypeRef Primitive(JsonObjectType type, string? format)
    {
        format = format?.ToLowerInvariant();
        switch (type)
        {
            case JsonObjectType.Integer:
                return TypeRef.Of(format switch { "int32" => TypeRefKind.Int32, "unixtime" => TypeRefKind.UnixTime, _ => TypeRefKind.Int64 });
            case JsonObjectType.Number:
                return TypeRef.Of(format switch
                {
                    "float" => TypeRefKind.Float,
                    "decimal" => TypeRefKind.Decimal,
                    "int32" => TypeRefKind.Int32,
                    "int64" => TypeRefKind.Int64,
                    _ => TypeRefKind.Double,
                });
            case JsonObjectType.Boolean:
                return TypeRef.Of(TypeRefKind.Boolean);
            case JsonObjectType.File:
                return TypeRef.Of(TypeRefKind.Stream);
            default:
                return TypeRef.Of(format switch
                {
                    "date-time" => TypeRefKind.DateTimeOffset,
                    "date" => TypeRefKind.Date,
                    "uuid" or "guid" => TypeRefKind.Guid,
                    "uri" or "url" => TypeRefKind.Uri,
                    "byte" => TypeRefKind.Bytes,
                    "base64url" => TypeRefKind.Base64Url,
                    "duration" => TypeRefKind.Duration,
                    "http-date" => TypeRefKind.HttpDate,
                    "binary" => TypeRefKind.Stream,
                    _ => TypeRefKind.String,
                });
        }
    }
}
