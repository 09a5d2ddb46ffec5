using System;
using System.Linq;
using ClientGen.Generator.Common;
using ClientGen.Generator.Model;
using ClientGen.Generator.Naming;
using ClientGen.Generator.OpenApi.Schemas;
using NJsonSchema;
using NSwag;

namespace ClientGen.Generator.OpenApi.Operations;

/// <summary>
/// An operation's request body: OpenAPI 3's requestBody (JSON, form, text, a stream, else raw HttpContent with
/// CG1003), or Swagger 2.0's body parameter or form fields (one generated form model).
/// </summary>
internal sealed class BodyMapper
{
    private readonly SchemaMapper _schemas;
    private readonly DiagnosticSink _diagnostics;

    public BodyMapper(SchemaMapper schemas, DiagnosticSink diagnostics)
    {
        _schemas = schemas;
        _diagnostics = diagnostics;
    }

    /// <summary>Swagger 2.0's <c>in: body</c> parameter: always JSON.</summary>
    public BodyModel MapBodyParameter(OpenApiParameter parameter, string pointer, string typeHint, NameScope names)
    {
        var bodyType = _schemas.Map(parameter.Schema, typeHint + "Request", pointer);
        return new BodyModel(names.Claim(Identifier.Camel(parameter.Name, "body")), bodyType, BodyKind.Json, "application/json", parameter.IsRequired, SpecText.OrNull(parameter.Description));
    }

    /// <summary>
    /// The body parameter's name: <c>x-codegen-request-body-name</c> (OpenAPI Generator's, also what converters from
    /// Swagger 2.0 keep), else <c>x-name</c>, else the schema it references (<c>reportRunQuery</c>; an array of
    /// references is plural, <c>filterGroups</c>), else <c>body</c>.
    /// </summary>
    private static string BodyName(OpenApiOperation operation, OpenApiRequestBody requestBody, JsonSchema? schema, TypeRef type)
    {
        if (operation.ExtensionData != null && operation.ExtensionData.TryGetValue("x-codegen-request-body-name", out var declared) && declared is string given && given.Trim().Length > 0)
        {
            return Identifier.Camel(given, "body");
        }
        if (!string.IsNullOrWhiteSpace(requestBody.Name)) return Identifier.Camel(requestBody.Name, "body");
        if (schema?.HasReference == true && type.Kind == TypeRefKind.Named) return Identifier.Camel(type.Name!, "body");
        if (schema?.Item?.HasReference == true && type.Kind == TypeRefKind.Array && type.Element is { Kind: TypeRefKind.Named } element) return Plural(Identifier.Camel(element.Name!, "body"));
        return "body";
    }

    private static string Plural(string name) =>
        name.EndsWith("y", StringComparison.Ordinal) && name.Length > 1 && "aeiou".IndexOf(name[name.Length - 2]) < 0 ? name.Substring(0, name.Length - 1) + "ies"
        : name.EndsWith("s", StringComparison.Ordinal) || name.EndsWith("x", StringComparison.Ordinal) || name.EndsWith("ch", StringComparison.Ordinal) || name.EndsWith("sh", StringComparison.Ordinal) ? name + "es"
        : name + "s";

    public BodyModel? MapRequestBody(OpenApiOperation operation, string pointer, string typeHint, NameScope names)
    {
        var requestBody = operation.RequestBody;
        if (requestBody == null || requestBody.Content.Count == 0) return null;
        var bodyPointer = pointer + "/requestBody";
        var (contentType, media) = MediaTypes.PickContent(requestBody.Content);
        var kind = MediaTypes.KindOf(contentType, media);
        var description = SpecText.OrNull(requestBody.Description);
        // A form with no fields and no room for any (Stripe's GET and DELETE bodies) sends nothing: no parameter for it.
        if (kind == BodyKind.FormUrlEncoded && IsEmptyObject(media.Schema)) return null;
        switch (kind)
        {
            case BodyKind.Json:
            case BodyKind.FormUrlEncoded:
            case BodyKind.Multipart:
                var type = _schemas.Map(media.Schema, typeHint + "Request", bodyPointer + "/content/" + JsonPointer.Escape(contentType) + "/schema");
                var name = names.Claim(BodyName(operation, requestBody, media.Schema, type));
                if (kind is BodyKind.FormUrlEncoded or BodyKind.Multipart && !(type.Kind == TypeRefKind.Named && type.NamedKind == NamedKind.Object))
                {
                    _diagnostics.Warn(DiagnosticDescriptors.UnsupportedMediaType, bodyPointer, "request", contentType, typeHint,
                        "its schema is not an object, so the body is taken as HttpContent");
                    return new BodyModel(name, TypeRef.Of(TypeRefKind.Stream), BodyKind.RawContent, contentType, requestBody.IsRequired, description);
                }
                return new BodyModel(name, type, kind, contentType, requestBody.IsRequired, description) { FormFields = FormFields(media) };
            case BodyKind.Text:
                return new BodyModel(names.Claim(BodyName(operation, requestBody, null, TypeRef.Of(TypeRefKind.String))), TypeRef.Of(TypeRefKind.String), kind, contentType, requestBody.IsRequired, description);
            case BodyKind.Stream:
                var streamName = names.Claim(BodyName(operation, requestBody, null, TypeRef.Of(TypeRefKind.Stream)));
                // Bytes of a media type the spec leaves open (*/*, or several listed) are sent as the caller says.
                var open = MediaTypes.IsWildcard(contentType) || requestBody.Content.Count(c => MediaTypes.KindOf(c.Key, c.Value) == BodyKind.Stream) > 1;
                return new BodyModel(streamName, TypeRef.Of(TypeRefKind.Stream), kind, MediaTypes.IsWildcard(contentType) ? "application/octet-stream" : contentType, requestBody.IsRequired, description)
                {
                    ContentTypeParameter = open ? names.Claim("contentType") : null,
                };
            default:
                _diagnostics.Warn(DiagnosticDescriptors.UnsupportedMediaType, bodyPointer, "request", contentType, typeHint,
                    "the body is taken as HttpContent so nothing is lost");
                return new BodyModel(names.Claim(BodyName(operation, requestBody, null, TypeRef.Of(TypeRefKind.Stream))), TypeRef.Of(TypeRefKind.Stream), BodyKind.RawContent, contentType, requestBody.IsRequired, description);
        }
    }

    private static bool IsEmptyObject(JsonSchema? schema)
    {
        if (schema == null) return false;
        var actual = SchemaShapes.Unwrap(schema, out _);
        return actual.Type.HasFlag(JsonObjectType.Object) && actual.ActualProperties.Count == 0 && !actual.AllowAdditionalProperties
            && actual.AllOf.Count == 0 && actual.OneOf.Count == 0 && actual.AnyOf.Count == 0;
    }

    /// <summary>
    /// The form's <c>encoding</c> entries (style, explode, a JSON contentType), for the fields that have one. NSwag reads
    /// an absent <c>explode</c> as false, so an entry without a style keeps the form default (exploded) whatever it says.
    /// </summary>
    private static EquatableArray<FormFieldModel> FormFields(OpenApiMediaType media) =>
        media.Encoding == null
            ? EquatableArray<FormFieldModel>.Empty
            : media.Encoding.Where(e => e.Value != null).Select(e => new FormFieldModel(
                e.Key,
                string.IsNullOrEmpty(e.Value.Style) ? "form" : e.Value.Style,
                string.IsNullOrEmpty(e.Value.Style) || e.Value.Explode,
                e.Value.EncodingType?.IndexOf("json", StringComparison.OrdinalIgnoreCase) >= 0)).ToEquatableArray();

    public BodyModel? MapFormParameters(OpenApiOperation operation, string pointer, string typeHint, NameScope names)
    {
        var form = operation.ActualParameters.Select(p => p.ActualParameter).Where(p => p.Kind == OpenApiParameterKind.FormData).ToList();
        if (form.Count == 0) return null;
        var consumes = operation.ActualConsumes?.FirstOrDefault() ?? "application/x-www-form-urlencoded";
        var multipart = form.Any(p => p.IsBinary) || consumes.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase);
        // Swagger 2.0 form fields become one generated form model, like an OpenAPI 3 urlencoded or multipart body.
        var schema = new JsonSchema { Type = JsonObjectType.Object };
        foreach (var field in form)
        {
            var property = new JsonSchemaProperty { Type = field.Type, Format = field.Format, Description = field.Description, IsRequired = field.IsRequired };
            if (field.Item != null) property.Item = field.Item;
            foreach (var value in field.Enumeration) property.Enumeration.Add(value);
            schema.Properties[field.Name] = property;
        }
        var type = _schemas.Map(schema, typeHint + "Form", pointer + "/parameters");
        return multipart
            ? new BodyModel(names.Claim("form"), type, BodyKind.Multipart, "multipart/form-data", form.Any(f => f.IsRequired), null)
            : new BodyModel(names.Claim("form"), type, BodyKind.FormUrlEncoded, "application/x-www-form-urlencoded", form.Any(f => f.IsRequired), null);
    }
}
