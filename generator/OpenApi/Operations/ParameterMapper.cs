using System;
using System.Collections.Generic;
using System.Linq;
using ClientGen.Generator.Common;
using ClientGen.Generator.Model;
using ClientGen.Generator.Naming;
using ClientGen.Generator.OpenApi.Schemas;
using NSwag;

namespace ClientGen.Generator.OpenApi.Operations;

/// <summary>An operation's parameters, as the method's arguments: in the spec's order, required ones first.</summary>
/// <param name="Parameters">The arguments, required first.</param>
/// <param name="Swagger2Body">A Swagger 2.0 <c>in: body</c> parameter, which is the request body.</param>
/// <param name="IdempotencyHeader">The <c>Idempotency-Key</c> header's name as the spec spells it, if it declares one.</param>
internal sealed record MappedParameters(List<ParameterModel> Parameters, BodyModel? Swagger2Body, string? IdempotencyHeader);

/// <summary>
/// Maps path, query, header and cookie parameters: name, type, required-ness (path always; Authorization and the
/// idempotency key are the runtime's, never the caller's), style, and the validation the method applies.
/// </summary>
internal sealed class ParameterMapper
{
    private readonly SchemaMapper _schemas;
    private readonly DiagnosticSink _diagnostics;
    private readonly BodyMapper _bodies;

    public ParameterMapper(SchemaMapper schemas, DiagnosticSink diagnostics, BodyMapper bodies)
    {
        _schemas = schemas;
        _diagnostics = diagnostics;
        _bodies = bodies;
    }

    public MappedParameters Map(OpenApiOperation operation, string pointer, string typeHint, NameScope parameterNames)
    {
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
                body = _bodies.MapBodyParameter(actual, parameterPointer, typeHint, parameterNames);
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
                ParameterStyles.Of(actual, location, out var explode),
                explode,
                actualSchema.MinLength,
                actualSchema.MaxLength,
                string.IsNullOrEmpty(actualSchema.Pattern) ? null : actualSchema.Pattern,
                isRuntimeHeader));
        }
        return new MappedParameters(Ordered(parameters).ToList(), body, idempotencyHeader);
    }

    /// <summary>Required parameters first, keeping the spec's order within each group, so optional ones can default.</summary>
    private static IEnumerable<ParameterModel> Ordered(List<ParameterModel> parameters) =>
        parameters.Where(p => p.IsRequired).Concat(parameters.Where(p => !p.IsRequired));
}
