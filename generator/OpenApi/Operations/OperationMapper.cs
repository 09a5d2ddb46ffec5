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

namespace ClientGen.Generator.OpenApi.Operations;

/// <summary>
/// Maps NSwag operations to <see cref="OperationModel"/>s, in the spec's order: <see cref="OperationNamer"/>,
/// <see cref="ParameterMapper"/>, <see cref="BodyMapper"/> and <see cref="ResponseMapper"/> each do their part; the
/// operation's own servers and security (which replace the document's) are read here.
/// </summary>
internal sealed class OperationMapper
{
    private readonly DiagnosticSink _diagnostics;
    private readonly OperationNamer _namer;
    private readonly ParameterMapper _parameters;
    private readonly BodyMapper _bodies;
    private readonly ResponseMapper _responses;
    private List<string> _defaultSecurity = new();

    public OperationMapper(SchemaMapper schemas, DiagnosticSink diagnostics, NameScope methodNames, RuntimeHeaders runtimeHeaders)
    {
        _diagnostics = diagnostics;
        _namer = new OperationNamer(diagnostics, methodNames);
        _bodies = new BodyMapper(schemas, diagnostics);
        _parameters = new ParameterMapper(schemas, diagnostics, _bodies, runtimeHeaders);
        _responses = new ResponseMapper(schemas, diagnostics);
    }

    public List<OperationModel> MapAll(OpenApiDocument document, OperationFilter filter)
    {
        _defaultSecurity = (document.Security ?? new List<OpenApiSecurityRequirement>()).SelectMany(r => r.Keys).Distinct().ToList();
        var all = document.Paths
            .SelectMany(path => path.Value
                .OrderBy(e => Array.IndexOf(OperationKeys.Order, e.Key.ToLowerInvariant()))
                .Select(e => (Path: path.Key, Method: e.Key.ToLowerInvariant(), Item: path.Value, Operation: e.Value,
                    Pointer: "/paths/" + JsonPointer.Escape(path.Key) + "/" + e.Key)))
            .ToList();
        if (!filter.IsEmpty)
        {
            var identities = all.Select(o => new OperationIdentity(o.Path, o.Method, o.Operation.Tags ?? new List<string>(), o.Operation.OperationId)).ToList();
            foreach (var (metadata, entry) in filter.Unmatched(identities))
            {
                _diagnostics.Report(DiagnosticDescriptors.FilterMatchesNothing, _diagnostics.Locator.Pointer("/paths"), metadata, entry, "AdditionalFiles metadata");
            }
            // Dropped before mapping, so what only they use is neither mapped nor reported.
            all = all.Where((o, i) => filter.Keeps(identities[i])).ToList();
        }
        var names = _namer.NamesForSharedOperationIds(all.Select(o => (o.Operation, o.Pointer)).ToList());

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

    private OperationModel Map(string path, string method, OpenApiPathItem pathItem, OpenApiOperation operation, string pointer, string? name)
    {
        var (methodName, baseName) = _namer.Name(method, path, operation, name);
        var typeHint = methodName.Substring(0, methodName.Length - "Async".Length);
        var parameterNames = new NameScope(EmittedMembers.OfParameters());

        var mapped = _parameters.Map(operation, pointer, typeHint, parameterNames);
        var body = operation.RequestBody?.Content.Count > 0 ? _bodies.MapRequestBody(operation, pointer, typeHint, parameterNames) : mapped.Swagger2Body ?? _bodies.MapFormParameters(operation, pointer, typeHint, parameterNames);
        var (success, errors) = _responses.Map(operation, pointer, typeHint, methodName);

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
            mapped.Parameters.ToEquatableArray(),
            body,
            success,
            errors.ToEquatableArray(),
            servers.ToEquatableArray(),
            (security ?? new List<string>()).ToEquatableArray(),
            mapped.IdempotencyHeader,
            mapped.CallOptionRules.ToEquatableArray());
    }
}
