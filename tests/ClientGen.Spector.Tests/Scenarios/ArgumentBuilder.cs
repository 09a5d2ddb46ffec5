using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Threading;
using ClientGen.Runtime;

namespace ClientGen.Spector.Tests.Scenarios;

/// <summary>
/// The arguments of one generated method for one scenario call. A parameter takes the path, query or header value whose
/// wire name it was named after; the parameter left over is the body (or, when the operation spreads its body into
/// parameters, each takes the body property of its name). Parameters the scenario does not send get their default.
/// </summary>
public sealed class ArgumentBuilder(TypedValues values, GeneratedOperation operation, ScenarioCall call, Func<string, string> expand, bool forwardHeaders = true)
{
    public object?[] Build(CancellationToken cancellationToken)
    {
        var wire = new Dictionary<string, JsonElement>();
        foreach (var (name, value) in GeneratedOperations.PathValues(operation, call.Uri)) wire[GeneratedOperations.Simple(name)] = JsonSerializer.SerializeToElement(PathStyles.Unstyle(name, value));
        foreach (var source in new[] { call.PathParams, call.Query, call.Headers })
        {
            foreach (var (name, value) in source) wire[GeneratedOperations.Simple(name)] = value;
        }
        var parameters = operation.Method.GetParameters();
        var arguments = new object?[parameters.Length];
        var rest = new List<int>();
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = parameters[i];
            if (parameter.ParameterType == typeof(CancellationToken)) arguments[i] = cancellationToken;
            else if (parameter.ParameterType == typeof(ApiCallOptions)) arguments[i] = CallOptions(parameters);
            else if (wire.TryGetValue(GeneratedOperations.Simple(parameter.Name!), out var value) || wire.TryGetValue(GeneratedOperations.SimpleParameter(parameter.Name!), out value)) arguments[i] = FromWireValue(value, parameter.ParameterType);
            else rest.Add(i);
        }
        // The media type of bytes the spec leaves open is the caller's to name: the one the scenario sends.
        foreach (var i in rest.Where(i => parameters[i].Name == "contentType" && call.Body is not null).ToList())
        {
            arguments[i] = call.Body!.ContentType;
            rest.Remove(i);
        }
        if (call.Body is { } body && rest.Count > 0)
        {
            var spread = body.IsJson && rest.Count > 1 && BodyProperties(body).Keys.Intersect(rest.Select(i => GeneratedOperations.Simple(parameters[i].Name!))).Any();
            if (spread)
            {
                Spread(body, parameters, rest, arguments);
            }
            else
            {
                // The body is the parameter that can hold one (a model, bytes, a collection), not an optional query string.
                var index = rest.Count == 1 ? rest[0] : rest.FirstOrDefault(i => IsBodyLike(parameters[i].ParameterType), rest[0]);
                arguments[index] = Body(body, parameters[index].ParameterType);
            }
        }
        foreach (var i in rest.Where(i => arguments[i] is null))
        {
            var type = parameters[i].ParameterType;
            // An exploded map in the query (?a=1&b=2) is the query's pairs, each named by its key.
            if (TypedValues.DictionaryValueType(type) is { } valueType && call.Query.Count > 0)
            {
                arguments[i] = values.FromJson(JsonSerializer.SerializeToElement(call.Query.ToDictionary(q => q.Key, q => q.Value)), type);
            }
            // A body the spec requires but the scenario does not check (a GET with a body model) is an empty model.
            else if (!parameters[i].HasDefaultValue && type.IsClass && TypedValues.IsGenerated(type) && type.GetConstructor(Type.EmptyTypes) is { } empty)
            {
                arguments[i] = empty.Invoke(null);
            }
            else if (parameters[i].HasDefaultValue)
            {
                arguments[i] = parameters[i].DefaultValue;
            }
        }
        return arguments;
    }

    // A header the method has no parameter for (Accept, which OpenAPI leaves to the client) is set the way a user sets
    // one for a single call: through ApiCallOptions.Headers. Content-Type is the body's own.
    private ApiCallOptions? CallOptions(ParameterInfo[] parameters)
    {
        if (!forwardHeaders) return null;
        var names = parameters.Select(p => GeneratedOperations.Simple(p.Name!)).ToHashSet();
        var extra = call.Headers.Where(h => !names.Contains(GeneratedOperations.Simple(h.Key)) && !h.Key.Equals("content-type", StringComparison.OrdinalIgnoreCase)).ToList();
        if (extra.Count == 0) return null;
        var options = new ApiCallOptions();
        foreach (var (name, value) in extra) options.Headers[name] = value.ValueKind == JsonValueKind.String ? expand(value.GetString()!) : value.GetRawText();
        return options;
    }

    private object? FromWireValue(JsonElement value, Type type) =>
        value.ValueKind == JsonValueKind.String ? values.FromWire(expand(value.GetString()!), type) : values.FromJson(value, type);

    private static bool IsBodyLike(Type type) =>
        TypedValues.IsGenerated(Nullable.GetUnderlyingType(type) ?? type) || type == typeof(Stream) || type == typeof(FilePart) || type == typeof(HttpContent) || type == typeof(byte[])
        || TypedValues.ElementType(type) is not null || TypedValues.DictionaryValueType(type) is not null;

    private Dictionary<string, JsonElement> BodyProperties(ScenarioBody body)
    {
        using var document = JsonDocument.Parse(expand(body.Text!));
        return document.RootElement.ValueKind == JsonValueKind.Object
            ? document.RootElement.EnumerateObject().ToDictionary(p => GeneratedOperations.Simple(p.Name), p => p.Value.Clone())
            : new Dictionary<string, JsonElement>();
    }

    private void Spread(ScenarioBody body, ParameterInfo[] parameters, List<int> rest, object?[] arguments)
    {
        var properties = BodyProperties(body);
        foreach (var i in rest)
        {
            if (properties.TryGetValue(GeneratedOperations.Simple(parameters[i].Name!), out var value)) arguments[i] = values.FromJson(value, parameters[i].ParameterType);
        }
    }

    private object? Body(ScenarioBody body, Type type)
    {
        var bytes = body.Bytes ?? (body.Text is { } text ? Encoding.UTF8.GetBytes(expand(text)) : null);
        if (type == typeof(FilePart)) return FilePart.FromBytes(bytes ?? [], "file", body.ContentType);
        if (type == typeof(Stream)) return new MemoryStream(bytes ?? []);
        if (type == typeof(HttpContent))
        {
            var content = new ByteArrayContent(bytes ?? []);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(body.ContentType);
            return content;
        }
        if (body.Parts is { } parts) return Multipart(parts, body.Files, type);
        if (body.IsJson)
        {
            using var document = JsonDocument.Parse(expand(body.Text!));
            return values.FromJson(document.RootElement, type);
        }
        if (type == typeof(byte[])) return bytes;
        return values.FromWire(expand(body.Text ?? ""), type);
    }

    // A multipart request model: each property takes the part or the file of its name.
    private object Multipart(JsonElement parts, IReadOnlyList<ScenarioFile> files, Type type)
    {
        var model = Activator.CreateInstance(type)!;
        foreach (var property in type.GetProperties().Where(p => p.CanWrite))
        {
            var name = GeneratedOperations.Simple(property.Name);
            var matching = files.Where(f => GeneratedOperations.Simple(f.FieldName) == name).ToArray();
            var part = parts.EnumerateObject().FirstOrDefault(p => GeneratedOperations.Simple(p.Name) == name);
            if (matching.Length > 0)
            {
                var fileParts = matching.Select(f => FilePart.FromBytes(f.Content, f.FileName ?? f.FieldName, f.ContentType)).ToList();
                property.SetValue(model, TypedValues.ElementType(property.PropertyType) is null ? fileParts[0] : fileParts);
            }
            else if (part.Value.ValueKind != JsonValueKind.Undefined)
            {
                property.SetValue(model, part.Value.ValueKind == JsonValueKind.String && TypedValues.ElementType(property.PropertyType) is null
                    ? values.FromWire(part.Value.GetString()!, property.PropertyType)
                    : values.FromJson(part.Value, property.PropertyType));
            }
        }
        return model;
    }
}
