using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ClientGen.Generator.Common;
using ClientGen.Generator.Model;
using ClientGen.Generator.Naming;
using Newtonsoft.Json.Linq;
using NSwag;
using ClientGen.Generator.OpenApi.Schemas;

namespace ClientGen.Generator.OpenApi;

/// <summary>
/// Reads <c>x-clientgen-waiters</c> from status operations and resolves their paths against the
/// generated types. A declaration that does not fit the spec is dropped with a CG1004 warning.
/// </summary>
internal static class WaiterMapper
{
    public const string Extension = "x-clientgen-waiters";

    public static List<WaiterModel> Map(OpenApiDocument document, IReadOnlyList<OperationModel> operations, IReadOnlyList<TypeModel> types, DiagnosticSink sink)
    {
        var waiters = new List<WaiterModel>();
        // An operationId shared under several tags (CG1005) names no single operation, so a waiter cannot use it.
        var byId = operations.GroupBy(o => o.OperationId, StringComparer.Ordinal).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single(), StringComparer.Ordinal);
        var typesByName = types.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var names = new NameScope();
        foreach (var path in document.Paths)
        {
            foreach (var entry in path.Value)
            {
                var operation = entry.Value;
                if (operation.ExtensionData == null || !operation.ExtensionData.TryGetValue(Extension, out var raw) || raw == null) continue;
                var pointer = "/paths/" + JsonPointer.Escape(path.Key) + "/" + entry.Key + "/" + Extension;
                if (JToken.FromObject(raw) is not JObject declarations)
                {
                    sink.Warn(DiagnosticDescriptors.InvalidWaiter, pointer, Extension, "it must be an object of named waiters");
                    continue;
                }
                var status = operations.FirstOrDefault(o => o.OperationId == (operation.OperationId ?? string.Empty) || (o.Path == path.Key && o.HttpMethod == entry.Key.ToUpperInvariant()));
                if (status == null) continue;
                foreach (var declaration in declarations.Properties())
                {
                    var waiter = MapOne(declaration, status, byId, typesByName, out var problem);
                    if (waiter == null)
                    {
                        sink.Warn(DiagnosticDescriptors.InvalidWaiter, pointer + "/" + JsonPointer.Escape(declaration.Name), declaration.Name, problem!);
                        continue;
                    }
                    waiters.Add(waiter with { Name = names.Claim(waiter.Name) });
                }
            }
        }
        return waiters;
    }

    private static WaiterModel? MapOne(JProperty declaration, OperationModel status, Dictionary<string, OperationModel> byId, Dictionary<string, TypeModel> types, out string? problem)
    {
        problem = null;
        if (declaration.Value is not JObject body)
        {
            problem = "its declaration must be an object";
            return null;
        }
        if (status.Success.Kind != ResponseKind.Json || status.Success.Type == null)
        {
            problem = $"the status operation '{status.OperationId}' has no JSON response to read a status from";
            return null;
        }
        var selection = WaiterSelections.Read(body, status, types, out var statusRoot, out problem);
        if (problem != null) return null;
        var fixedArguments = WaiterSelections.FixedArguments(body, status, out problem);
        if (problem != null) return null;
        var statusPath = PropertyPaths.Resolve(statusRoot, Declarations.Text(body, "statusPath"), types, out problem);
        if (statusPath == null) return null;
        var success = Strings(body, "success");
        if (success.Count == 0)
        {
            problem = "it lists no success values";
            return null;
        }

        WaiterCancel? cancelCall = null;
        if (Declarations.Text(body, "cancelOperation") is { } cancelId)
        {
            if (!byId.TryGetValue(cancelId, out var cancel))
            {
                problem = $"the cancel operation '{cancelId}' does not exist";
                return null;
            }
            var statusParameters = status.Parameters.Where(p => p.IsRequired).Select(p => p.Name).ToList();
            if (!cancel.Parameters.Where(p => p.IsRequired).All(p => statusParameters.Contains(p.Name)) || cancel.Body is { IsRequired: true })
            {
                problem = $"the cancel operation '{cancelId}' needs arguments the status operation does not have";
                return null;
            }
            cancelCall = new WaiterCancel(cancel.MethodName, cancel.Parameters.Where(p => p.IsRequired).Select(p => p.Name).ToEquatableArray());
        }

        OperationModel? startOperation = null;
        var startIdPath = new List<PathHop>();
        if (Declarations.Text(body, "startOperation") is { } startId)
        {
            if (!byId.TryGetValue(startId, out var start) || start.Success.Kind != ResponseKind.Json || start.Success.Type == null)
            {
                problem = $"the start operation '{startId}' does not exist or has no JSON response";
                return null;
            }
            if (selection == null && !HasOneStringId(status))
            {
                problem = "a start operation needs a status operation with exactly one required string parameter (the id)";
                return null;
            }
            var idPath = PropertyPaths.Resolve(start.Success.Type, Declarations.Text(body, "startIdPath"), types, out problem);
            if (idPath == null) return null;
            if (selection != null && PropertyPaths.TypeAt(start.Success.Type, idPath, types)?.Kind != selection.IdType.Kind)
            {
                problem = $"startIdPath '{Declarations.Text(body, "startIdPath")}' is not of the type of the field it is selected by";
                return null;
            }
            startOperation = start;
            startIdPath = idPath;
        }

        if (!TrySeconds(body, "minDelay", 2, WaiterTiming.MaxDelaySeconds, out var minDelay, out problem)
            || !TrySeconds(body, "maxDelay", 120, WaiterTiming.MaxDelaySeconds, out var maxDelay, out problem)
            || !TrySeconds(body, "timeout", 1800, WaiterTiming.MaxTimeoutSeconds, out var timeout, out problem))
        {
            return null;
        }
        if ((problem = WaiterTiming.OrderProblem(minDelay, maxDelay)) != null) return null;

        return new WaiterModel
        {
            Name = Identifier.Pascal(declaration.Name, "Completed"),
            Description = Declarations.Text(body, "description"),
            Status = status,
            StatusPath = statusPath.ToEquatableArray(),
            Policy = new WaiterPolicy(success.ToEquatableArray(), Strings(body, "failure").ToEquatableArray(), Strings(body, "pending").ToEquatableArray(), minDelay, maxDelay, timeout),
            Cancel = cancelCall,
            Start = startOperation,
            StartIdPath = startIdPath.ToEquatableArray(),
            Selection = selection,
            FixedArguments = fixedArguments,
            IsResumable = selection != null || HasOneStringId(status),
        };
    }

    /// <summary>A wait can be resumed from a handle (and started by another call) when its status operation is addressed by one string id.</summary>
    private static bool HasOneStringId(OperationModel status) =>
        status.Parameters.Count(p => p.IsRequired) == 1 && status.Parameters.First(p => p.IsRequired).Type.Kind == TypeRefKind.String;


    // Only scalar items are status values; an object or list in the array names none.
    private static List<string> Strings(JObject body, string name) =>
        body[name] is JArray array ? array.OfType<JValue>().Where(v => v.Value != null).Select(v => Convert.ToString(v.Value, CultureInfo.InvariantCulture) ?? string.Empty).ToList() : new List<string>();

    /// <summary>
    /// A number of seconds, or <paramref name="fallback"/> when the key is absent. Out of range (zero, negative,
    /// 1e300, infinity) or not a number is a problem, not a silent fallback: it would emit code that does not compile or never waits.
    /// </summary>
    private static bool TrySeconds(JObject body, string name, double fallback, double max, out double seconds, out string? problem)
    {
        problem = null;
        seconds = fallback;
        if (body[name] is not { } token || token.Type == JTokenType.Null) return true;
        var parsed = token is JValue { Value: not null } value
            && double.TryParse(Convert.ToString(value.Value, CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out seconds);
        if (parsed && WaiterTiming.IsWithin(seconds, max)) return true;
        problem = WaiterTiming.OutOfRange(name, max, token.ToString());
        return false;
    }
}
