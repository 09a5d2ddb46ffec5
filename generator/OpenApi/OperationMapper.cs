using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ClientGen.Generator.Common;
using ClientGen.Generator.Model;
using ClientGen.Generator.Naming;
using NJsonSchema;
using NSwag;
using ClientGen.Generator.OpenApi.Schemas;

namespace ClientGen.Generator.OpenApi;

/// <summary>Maps NSwag operations to <see cref="OperationModel"/>s: parameters, body, responses, servers and security.</summary>
internal sealed class OperationMapper
{
    private readonly SchemaMapper _schemas;
    private readonly DiagnosticSink _diagnostics;
    private readonly NameScope _methodNames;
    private List<string> _defaultSecurity = new();

    public OperationMapper(SchemaMapper schemas, DiagnosticSink diagnostics, NameScope methodNames)
    {
        _schemas = schemas;
        _diagnostics = diagnostics;
        _methodNames = methodNames;
    }

    public List<OperationModel> MapAll(OpenApiDocument document)
    {
        _defaultSecurity = (document.Security ?? new List<OpenApiSecurityRequirement>()).SelectMany(r => r.Keys).Distinct().ToList();
        var all = document.Paths
            .SelectMany(path => path.Value
                .OrderBy(e => Array.IndexOf(OperationKeys.Order, e.Key.ToLowerInvariant()))
                .Select(e => (Path: path.Key, Method: e.Key.ToLowerInvariant(), Item: path.Value, Operation: e.Value,
                    Pointer: "/paths/" + JsonPointer.Escape(path.Key) + "/" + e.Key)))
            .ToList();
        var names = NamesForSharedOperationIds(all.Select(o => (o.Operation, o.Pointer)).ToList());

        var operations = new List<OperationModel>();
        var byId = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, method, item, operation, pointer) in all)
        {
            names.TryGetValue(operation, out var name);
            if (name == null && !string.IsNullOrEmpty(operation.OperationId))
            {
                if (byId.TryGetValue(operation.OperationId, out var first))
                {
                    _diagnostics.Report(DiagnosticDescriptors.DuplicateOperationId, _diagnostics.Locator.Pointer(pointer + "/operationId"),
                        operation.OperationId, first + " and " + method.ToUpperInvariant() + " " + path);
                    continue;
                }
                byId[operation.OperationId] = method.ToUpperInvariant() + " " + path;
            }
            operations.Add(Map(path, method, item, operation, pointer, name));
        }
        return operations;
    }

    /// <summary>
    /// Specs that group operations by tag sometimes reuse an operationId across tags (Kubernetes' getAPIResources
    /// under every API group). When the first tags tell the operations apart, each is named tag + operationId,
    /// so no name depends on the order of the paths; otherwise the reuse stays an error (CG0004).
    /// </summary>
    private Dictionary<OpenApiOperation, string> NamesForSharedOperationIds(List<(OpenApiOperation Operation, string Pointer)> all)
    {
        var names = new Dictionary<OpenApiOperation, string>();
        foreach (var group in all.Where(o => !string.IsNullOrEmpty(o.Operation.OperationId)).GroupBy(o => o.Operation.OperationId, StringComparer.Ordinal))
        {
            var members = group.ToList();
            if (members.Count < 2) continue;
            var tags = members.Select(m => m.Operation.Tags?.FirstOrDefault()).ToList();
            if (tags.Any(string.IsNullOrEmpty) || tags.Distinct(StringComparer.OrdinalIgnoreCase).Count() != tags.Count) continue;
            foreach (var (member, tag) in members.Zip(tags, (m, t) => (m, t!)))
            {
                names[member.Operation] = Identifier.Pascal(tag, "Tag") + Identifier.Pascal(group.Key, "Operation");
            }
            _diagnostics.Warn(DiagnosticDescriptors.OperationNamedByTag, members[1].Pointer + "/operationId",
                group.Key, members.Count.ToString(CultureInfo.InvariantCulture),
                string.Join(", ", members.Select(m => names[m.Operation] + "Async").Take(4)) + (members.Count > 4 ? ", …" : string.Empty));
        }
        return names;
    }

    private OperationModel Map(string path, string method, OpenApiPathItem pathItem, OpenApiOperation operation, string pointer, string? name)
    {
        var baseName = name ?? (string.IsNullOrEmpty(operation.OperationId) ? DeriveName(method, path) : Identifier.Pascal(operation.OperationId, "Operation"));
        var methodName = _methodNames.Claim(baseName + "Async");
        var typeHint = methodName.Substring(0, methodName.Length - "Async".Length);
        var parameterNames = new NameScope(EmittedMembers.OfParameters());

        var parameters = new List<ParameterModel>();
        BodyModel? body = null;
        string? idempotencyHeader = null;
        // NSwag also presents an OpenAPI 3 requestBody as a synthesized body parameter; the requestBody itself says more (media types).
        var hasRequestBody = operation.RequestBody?.Content.Count > 0;
        foreach (var parameter in operation.ActualParameters)
        {
            var actual = parameter.ActualParameter;
            var parameterPointer = pointer + "/parameters";
            if (hasRequestBody && actual.Kind is OpenApiParameterKind.Body or OpenApiParameterKind.FormData) continue;
            if (actual.Kind == OpenApiParameterKind.Body)
            {
                var bodyType = _schemas.Map(actual.Schema, typeHint + "Request", parameterPointer);
                body = new BodyModel(parameterNames.Claim(Identifier.Camel(actual.Name, "body")), bodyType, BodyKind.Json, "application/json", actual.IsRequired, SpecText.OrNull(actual.Description));
                continue;
            }
            if (actual.Kind is OpenApiParameterKind.FormData or OpenApiParameterKind.ModelBinding)
            {
                continue; // Swagger 2.0 form fields: collected into one body below.
            }
            var location = actual.Kind switch
            {
                OpenApiParameterKind.Path => ParameterLocation.Path,
                OpenApiParameterKind.Header => ParameterLocation.Header,
                OpenApiParameterKind.Cookie => ParameterLocation.Cookie,
                _ => ParameterLocation.Query,
            };
            var schema = actual.Schema ?? actual;
            var type = _schemas.Map(schema, typeHint + Identifier.Pascal(actual.Name), parameterPointer);
            var actualSchema = SchemaShapes.Unwrap(schema, out _);
            var isRuntimeHeader = location == ParameterLocation.Header && string.Equals(actual.Name, "Authorization", StringComparison.OrdinalIgnoreCase);
            if (location == ParameterLocation.Header && string.Equals(actual.Name, "Idempotency-Key", StringComparison.OrdinalIgnoreCase)) idempotencyHeader = actual.Name;
            var required = location == ParameterLocation.Path || (actual.IsRequired && !isRuntimeHeader && idempotencyHeader != actual.Name);
            if (location == ParameterLocation.Cookie)
            {
                _diagnostics.Warn(DiagnosticDescriptors.UnsupportedConstruct, parameterPointer, $"Cookie parameter '{actual.Name}'", "it is sent as a Cookie header");
            }
            parameters.Add(new ParameterModel(
                parameterNames.Claim(Identifier.Camel(actual.Name, "value")),
                actual.Name,
                location,
                required ? type : type.AsNullable(),
                required,
                SpecText.OrNull(actual.Description),
                actual.IsDeprecated,
                StyleOf(actual, location, out var explode),
                explode,
                actualSchema.MinLength,
                actualSchema.MaxLength,
                string.IsNullOrEmpty(actualSchema.Pattern) ? null : actualSchema.Pattern,
                isRuntimeHeader));
        }

        if (hasRequestBody) body = MapRequestBody(operation, pointer, typeHint, parameterNames);
        else body ??= MapFormParameters(operation, pointer, typeHint, parameterNames);

        var (success, errors) = MapResponses(operation, pointer, typeHint, methodName);

        var servers = operation.Servers?.Count > 0 ? ServerMapper.Map(operation.Servers) : pathItem.Servers?.Count > 0 ? ServerMapper.Map(pathItem.Servers) : new List<ServerModel>();
        // An operation's own "security" (even an empty one, meaning none) replaces the document's.
        var security = operation.Security != null ? operation.Security.SelectMany(r => r.Keys).Distinct().ToList() : _defaultSecurity;

        return new OperationModel(
            methodName,
            string.IsNullOrEmpty(operation.OperationId) ? baseName : operation.OperationId,
            method.ToUpperInvariant(),
            path,
            SpecText.OrNull(operation.Summary),
            SpecText.OrNull(operation.Description),
            operation.IsDeprecated,
            Ordered(parameters).ToEquatableArray(),
            body,
            success,
            errors.ToEquatableArray(),
            servers.ToEquatableArray(),
            (security ?? new List<string>()).ToEquatableArray(),
            idempotencyHeader);
    }

    /// <summary>
    /// The serialization style and explode flag. OpenAPI 3 defaults to form/explode for query and
    /// simple for path and header; Swagger 2.0's collectionFormat maps onto the same styles.
    /// </summary>
    private static ParameterStyle StyleOf(OpenApiParameter parameter, ParameterLocation location, out bool explode)
    {
        var simpleOrForm = location is ParameterLocation.Path or ParameterLocation.Header ? ParameterStyle.Simple : ParameterStyle.Form;
        if (parameter.Style != OpenApiParameterStyle.Undefined)
        {
            var style = parameter.Style switch
            {
                OpenApiParameterStyle.Form => ParameterStyle.Form,
                OpenApiParameterStyle.SpaceDelimeted => ParameterStyle.SpaceDelimited, // NSwag spells it so
                OpenApiParameterStyle.PipeDelimited => ParameterStyle.PipeDelimited,
                OpenApiParameterStyle.DeepObject => ParameterStyle.DeepObject,
                OpenApiParameterStyle.Simple => ParameterStyle.Simple,
                OpenApiParameterStyle.Label => ParameterStyle.Label,
                OpenApiParameterStyle.Matrix => ParameterStyle.Matrix,
                _ => simpleOrForm,
            };
            // An absent explode means true for form style only (OpenAPI 3.0 §4.7.12.1); deepObject is exploded by definition.
            explode = parameter.Explode ?? style == ParameterStyle.Form || style == ParameterStyle.DeepObject;
            return style;
        }
        switch (parameter.CollectionFormat)
        {
            case OpenApiParameterCollectionFormat.Ssv:
                explode = false;
                return ParameterStyle.SpaceDelimited;
            case OpenApiParameterCollectionFormat.Pipes:
                explode = false;
                return ParameterStyle.PipeDelimited;
            case OpenApiParameterCollectionFormat.Tsv:
                explode = false;
                return location == ParameterLocation.Query ? ParameterStyle.TabDelimited : simpleOrForm;
            case OpenApiParameterCollectionFormat.Csv:
                explode = false;
                return simpleOrForm;
            case OpenApiParameterCollectionFormat.Multi:
                explode = true;
                return ParameterStyle.Form;
            default:
                // No style: the location's default style, with the spec's explode when it gives one.
                explode = parameter.Explode ?? location is ParameterLocation.Query or ParameterLocation.Cookie;
                return simpleOrForm;
        }
    }

    /// <summary>Required parameters first, keeping the spec's order within each group, so optional ones can default.</summary>
    private static IEnumerable<ParameterModel> Ordered(List<ParameterModel> parameters) =>
        parameters.Where(p => p.IsRequired).Concat(parameters.Where(p => !p.IsRequired));

    /// <summary>
    /// The body parameter's name: <c>x-codegen-request-body-name</c> (OpenAPI Generator's, also what converters from
    /// Swagger 2.0 keep) or <c>x-name</c>, else <c>body</c>. (Naming it after its schema would rename the body of
    /// every existing client, callers' named arguments included; that waits for the call-shape work of #15.)
    /// </summary>
    private static string BodyName(OpenApiOperation operation, OpenApiRequestBody requestBody)
    {
        if (operation.ExtensionData != null && operation.ExtensionData.TryGetValue("x-codegen-request-body-name", out var declared) && declared is string given && given.Trim().Length > 0)
        {
            return Identifier.Camel(given, "body");
        }
        return Identifier.Camel(requestBody.Name, "body");
    }

    private BodyModel? MapRequestBody(OpenApiOperation operation, string pointer, string typeHint, NameScope names)
    {
        var requestBody = operation.RequestBody;
        if (requestBody == null || requestBody.Content.Count == 0) return null;
        var bodyPointer = pointer + "/requestBody";
        var (contentType, media) = PickContent(requestBody.Content);
        var kind = BodyKindOf(contentType);
        var name = names.Claim(BodyName(operation, requestBody));
        var description = SpecText.OrNull(requestBody.Description);
        switch (kind)
        {
            case BodyKind.Json:
            case BodyKind.FormUrlEncoded:
                var type = _schemas.Map(media.Schema, typeHint + "Request", bodyPointer + "/content/" + JsonPointer.Escape(contentType) + "/schema");
                if (kind == BodyKind.FormUrlEncoded && type.Kind != TypeRefKind.Named)
                {
                    _diagnostics.Warn(DiagnosticDescriptors.UnsupportedMediaType, bodyPointer, "request", contentType, typeHint,
                        "its schema is not an object, so the body is taken as HttpContent");
                    return new BodyModel(name, TypeRef.Of(TypeRefKind.Stream), BodyKind.RawContent, contentType, requestBody.IsRequired, description);
                }
                return new BodyModel(name, type, kind, contentType, requestBody.IsRequired, description);
            case BodyKind.Text:
                return new BodyModel(name, TypeRef.Of(TypeRefKind.String), kind, contentType, requestBody.IsRequired, description);
            case BodyKind.Stream:
                return new BodyModel(name, TypeRef.Of(TypeRefKind.Stream), kind, contentType, requestBody.IsRequired, description);
            default:
                _diagnostics.Warn(DiagnosticDescriptors.UnsupportedMediaType, bodyPointer, "request", contentType, typeHint,
                    "the body is taken as HttpContent so nothing is lost");
                return new BodyModel(name, TypeRef.Of(TypeRefKind.Stream), BodyKind.RawContent, contentType, requestBody.IsRequired, description);
        }
    }

    private BodyModel? MapFormParameters(OpenApiOperation operation, string pointer, string typeHint, NameScope names)
    {
        var form = operation.ActualParameters.Select(p => p.ActualParameter).Where(p => p.Kind == OpenApiParameterKind.FormData).ToList();
        if (form.Count == 0) return null;
        var consumes = operation.ActualConsumes?.FirstOrDefault() ?? "application/x-www-form-urlencoded";
        if (form.Any(p => p.IsBinary) || consumes.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            _diagnostics.Warn(DiagnosticDescriptors.UnsupportedMediaType, pointer + "/parameters", "request", "multipart/form-data", typeHint,
                "the body is taken as HttpContent so nothing is lost");
            return new BodyModel(names.Claim("content"), TypeRef.Of(TypeRefKind.Stream), BodyKind.RawContent, "multipart/form-data", true, null);
        }
        // Swagger 2.0 form fields become one generated form model, like an OpenAPI 3 urlencoded body.
        var schema = new JsonSchema { Type = JsonObjectType.Object };
        foreach (var field in form)
        {
            var property = new JsonSchemaProperty { Type = field.Type, Format = field.Format, Description = field.Description, IsRequired = field.IsRequired };
            if (field.Item != null) property.Item = field.Item;
            foreach (var value in field.Enumeration) property.Enumeration.Add(value);
            schema.Properties[field.Name] = property;
        }
        var type = _schemas.Map(schema, typeHint + "Form", pointer + "/parameters");
        return new BodyModel(names.Claim("form"), type, BodyKind.FormUrlEncoded, "application/x-www-form-urlencoded", form.Any(f => f.IsRequired), null);
    }

    private (ResponseModel Success, List<ErrorResponseModel> Errors) MapResponses(OpenApiOperation operation, string pointer, string typeHint, string methodName)
    {
        ResponseModel? success = null;
        var errors = new List<ErrorResponseModel>();
        var ordered = operation.ActualResponses.OrderBy(r => StatusRank(r.Key)).ToList();
        var hasExplicitSuccess = ordered.Any(r => r.Key.StartsWith("2", StringComparison.Ordinal));
        foreach (var entry in ordered)
        {
            var response = entry.Value.ActualResponse;
            var isSuccess = entry.Key.StartsWith("2", StringComparison.Ordinal) || (!hasExplicitSuccess && entry.Key == "default");
            var responsePointer = pointer + "/responses/" + entry.Key;
            if (isSuccess)
            {
                if (success != null) continue; // Later 2xx responses share the first's shape in practice; the status is still accepted.
                success = MapSuccess(entry.Key, response, responsePointer, typeHint, methodName);
                continue;
            }
            var errorSchema = JsonContent(response, out _);
            TypeRef? errorType = errorSchema != null ? _schemas.Map(errorSchema, typeHint + "Error" + Identifier.Pascal(entry.Key), responsePointer) : null;
            errors.Add(new ErrorResponseModel(entry.Key, errorType, SpecText.OrNull(response.Description), Refusal(response, responsePointer)));
        }
        return (success ?? new ResponseModel("200", ResponseKind.None, null, null, null), errors);
    }

    private const string IdempotencyExtension = "x-clientgen-idempotency";

    private IdempotencyRefusal Refusal(OpenApiResponse response, string pointer)
    {
        if (response.ExtensionData == null || !response.ExtensionData.TryGetValue(IdempotencyExtension, out var raw) || raw == null) return IdempotencyRefusal.None;
        switch (raw as string)
        {
            case "in-progress": return IdempotencyRefusal.InProgress;
            case "key-reused": return IdempotencyRefusal.KeyReused;
            default:
                _diagnostics.Warn(DiagnosticDescriptors.UnsupportedConstruct, pointer + "/" + IdempotencyExtension, $"{IdempotencyExtension}: '{raw}'", "it must be in-progress or key-reused; the status is an ordinary error");
                return IdempotencyRefusal.None;
        }
    }

    private ResponseModel MapSuccess(string status, OpenApiResponse response, string pointer, string typeHint, string methodName)
    {
        var description = SpecText.OrNull(response.Description);
        if (response.Content.Count == 0)
        {
            // Swagger 2.0 keeps the schema on the response itself.
            if (response.Schema != null) return new ResponseModel(status, ResponseKind.Json, _schemas.Map(response.Schema, typeHint + "Response", pointer + "/schema"), "application/json", description);
            return new ResponseModel(status, ResponseKind.None, null, null, description);
        }
        var (contentType, media) = PickContent(response.Content);
        switch (BodyKindOf(contentType))
        {
            case BodyKind.Json:
                var type = media.Schema == null ? TypeRef.Of(TypeRefKind.Any) : _schemas.Map(media.Schema, typeHint + "Response", pointer + "/content/" + JsonPointer.Escape(contentType) + "/schema");
                return new ResponseModel(status, ResponseKind.Json, type, contentType, description);
            case BodyKind.Text:
                return new ResponseModel(status, ResponseKind.Text, TypeRef.Of(TypeRefKind.String), contentType, description);
            default:
                return new ResponseModel(status, ResponseKind.Stream, TypeRef.Of(TypeRefKind.Stream), contentType, description);
        }
    }

    private static JsonSchema? JsonContent(OpenApiResponse response, out string? contentType)
    {
        contentType = null;
        if (response.Content.Count == 0) return response.Schema;
        var (type, media) = PickContent(response.Content);
        contentType = type;
        return BodyKindOf(type) == BodyKind.Json ? media.Schema : null;
    }

    private static int StatusRank(string status) =>
        int.TryParse(status, NumberStyles.Integer, CultureInfo.InvariantCulture, out var code) ? code : status.Length == 3 && status.EndsWith("XX", StringComparison.OrdinalIgnoreCase) ? (status[0] - '0') * 100 + 99 : 1000;

    /// <summary>Prefers JSON, then form, then the first listed media type.</summary>
    private static (string ContentType, OpenApiMediaType Media) PickContent(IDictionary<string, OpenApiMediaType> content)
    {
        foreach (var preferred in new[] { BodyKind.Json, BodyKind.FormUrlEncoded, BodyKind.Text })
        {
            foreach (var entry in content)
            {
                if (BodyKindOf(entry.Key) == preferred) return (entry.Key, entry.Value);
            }
        }
        var first = content.First();
        return (first.Key, first.Value);
    }

    public static BodyKind BodyKindOf(string contentType)
    {
        var type = contentType.Split(';')[0].Trim().ToLowerInvariant();
        if (type == "application/json" || type.EndsWith("+json", StringComparison.Ordinal) || type == "text/json" || type == "*/*" || type == "application/*") return BodyKind.Json;
        if (type == "application/x-www-form-urlencoded") return BodyKind.FormUrlEncoded;
        if (type == "text/plain") return BodyKind.Text;
        if (type.StartsWith("multipart/", StringComparison.Ordinal) || type.EndsWith("/xml", StringComparison.Ordinal) || type.EndsWith("+xml", StringComparison.Ordinal)) return BodyKind.RawContent;
        return BodyKind.Stream;
    }

    private static string DeriveName(string method, string path)
    {
        var name = Identifier.Pascal(method);
        foreach (var segment in path.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries))
        {
            name += segment.StartsWith("{", StringComparison.Ordinal) ? "By" + Identifier.Pascal(segment.Trim('{', '}')) : Identifier.Pascal(segment, string.Empty);
        }
        return name;
    }
}
