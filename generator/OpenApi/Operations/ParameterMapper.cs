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
/// <param name="CallOptionRules">Constraints the spec puts on headers the caller now sets through ApiCallOptions.</param>
internal sealed record MappedParameters(List<ParameterModel> Parameters, BodyModel? Swagger2Body, string? IdempotencyHeader, List<CallOptionRule> CallOptionRules);

/// <summary>
/// Maps path, query, header and cookie parameters: name, type, required-ness (path always), style, and the validation
/// the method applies. Headers the runtime owns (<see cref="RuntimeHeaders"/>) are left out; an idempotency key
/// header is remembered for the runtime.
/// </summary>
internal sealed class ParameterMapper
{
    private readonly SchemaMapper _schemas;
    private readonly DiagnosticSink _diagnostics;
    private readonly BodyMapper _bodies;
    private readonly RuntimeHeaders _runtimeHeaders;

    public ParameterMapper(SchemaMapper schemas, DiagnosticSink diagnostics, BodyMapper bodies, RuntimeHeaders runtimeHeaders)
    {
        _runtimeHeaders = runtimeHeaders;
        _schemas = schemas;
        _diagnostics = diagnostics;
        _bodies = bodies;
    }

    public MappedParameters Map(OpenApiOperation operation, string pointer, string typeHint, NameScope parameterNames)
    {
        var parameters = new List<ParameterModel>();
        BodyModel? body = null;
        string? idempotencyHeader = null;
        var rules = new List<CallOptionRule>();
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
            if (location == ParameterLocation.Header && _runtimeHeaders.OptionFor(actual.Name) == CallOption.IdempotencyKey) idempotencyHeader = actual.Name;
            var schema = actual.Schema ?? actual;
            if (location == ParameterLocation.Header && _runtimeHeaders.Owns(actual.Name))
            {
                var owned = SchemaShapes.Unwrap(schema, out _);
                if (_runtimeHeaders.OptionFor(actual.Name) is { } option && (owned.MinLength != null || owned.MaxLength != null || !string.IsNullOrEmpty(owned.Pattern)))
                {
                    rules.Add(new CallOptionRule(actual.Name, option, owned.MinLength, owned.MaxLength, string.IsNullOrEmpty(owned.Pattern) ? null : owned.Pattern));
                }
                continue;
            }
            var type = _schemas.Map(schema, typeHint + Identifier.Pascal(actual.Name), parameterPointer);
            var actualSchema = SchemaShapes.Unwrap(schema, out _);
            var required = location == ParameterLocation.Path || actual.IsRequired;
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
                string.IsNullOrEmpty(actualSchema.Pattern) ? null : actualSchema.Pattern));
        }
        return new MappedParameters(Ordered(parameters).ToList(), body, idempotencyHeader, rules);
    }

    /// <summary>Required parameters first, keeping the spec's order within each group, so optional ones can default.</summary>
    private static IEnumerable<ParameterModel> Ordered(List<ParameterModel> parameters) =>
        parameters.Where(p => p.IsRequired).Concat(parameters.Where(p => !p.IsRequired));
}
