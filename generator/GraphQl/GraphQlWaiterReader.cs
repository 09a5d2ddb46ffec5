using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ClientGen.Generator.Common;
using ClientGen.Generator.Model;
using ClientGen.Generator.Naming;
using ClientGen.Generator.OpenApi;
using GraphQLParser.AST;

namespace ClientGen.Generator.GraphQl;

/// <summary>
/// Reads <c>@clientgen_waiter</c> and <c>@clientgen_download</c> on the schema against the generated operations:
/// the same declaration as <c>x-clientgen-waiters</c> (status, start, id path, values, delays), naming operations by
/// their GraphQL name and values by dotted JSON paths into the result. A declaration that does not fit is CG1004
/// and generates nothing; the operations are generated regardless.
/// </summary>
internal static class GraphQlWaiterReader
{
    private static readonly int[] s_expiredByDefault = { 400, 403, 410 };

    /// <param name="methods">The client's method names so far: a waiter whose methods would take one is refused, and its own are claimed.</param>
    public static List<GraphQlWaiterModel> Read(GqlSchema schema, IReadOnlyList<GraphQlOperationModel> operations, IReadOnlyList<TypeModel> types, NameScope methods, List<DiagnosticInfo> diagnostics)
    {
        var byName = operations.GroupBy(o => o.OperationName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var typeMap = types.GroupBy(t => t.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var waiters = new List<GraphQlWaiterModel>();
        foreach (var (directive, source) in schema.Waits.Where(w => w.Directive.Name.StringValue == "clientgen_waiter"))
        {
            var name = Text(directive, "name") ?? "(unnamed)";
            var waiter = Waiter(directive, name, byName, typeMap, out var problem);
            problem ??= waiter == null ? null : Collision(MethodsOf(waiter), methods);
            if (waiter == null || problem != null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidWaiter, source.At(directive), name, problem!));
                continue;
            }
            foreach (var method in MethodsOf(waiter)) methods.Claim(method);
            waiters.Add(waiter);
        }
        foreach (var (directive, source) in schema.Waits.Where(w => w.Directive.Name.StringValue == "clientgen_download"))
        {
            var waiterName = Text(directive, "waiter") ?? "(unnamed)";
            var index = waiters.FindIndex(w => w.Name == waiterName);
            string? problem = index < 0 ? $"@clientgen_download names no declared waiter '{waiterName}'" : null;
            var download = index < 0 ? null : Download(directive, waiters[index], typeMap, out problem);
            problem ??= download == null ? null : Collision(MethodsOf(download), methods);
            if (download == null || problem != null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidWaiter, source.At(directive), waiterName, problem!));
                continue;
            }
            foreach (var method in MethodsOf(download)) methods.Claim(method);
            waiters[index] = waiters[index] with { Download = download };
        }
        return waiters;
    }

    private static GraphQlWaiterModel? Waiter(GraphQLDirective directive, string name, Dictionary<string, GraphQlOperationModel> byName, Dictionary<string, TypeModel> types, out string? problem)
    {
        problem = null;
        if (Text(directive, "name") is not { } declaredName || Identifier.Pascal(declaredName, string.Empty).Length == 0)
        {
            problem = "it has no name";
            return null;
        }
        if (Text(directive, "status") is not { } statusName || !byName.TryGetValue(statusName, out var status) || status.Kind != "query")
        {
            problem = $"the status operation '{Text(directive, "status")}' is not a query of the operation documents";
            return null;
        }
        var statusPath = PropertyPaths.Resolve(Root(status), Text(directive, "statusPath"), types, out problem);
        if (statusPath == null) return null;
        var success = Texts(directive, "success");
        if (success.Count == 0)
        {
            problem = "it lists no success values";
            return null;
        }
        var idWire = Text(directive, "idVariable") ?? (status.Variables.Count == 1 ? status.Variables[0].WireName : null);
        var id = status.Variables.FirstOrDefault(v => v.WireName == idWire);
        if (id == null || status.Variables.Any(v => v.Type.AsNullable(false).Kind != TypeRefKind.String))
        {
            problem = $"the status query's variables must be strings, one of them the id named by idVariable ('{idWire}')";
            return null;
        }

        GraphQlOperationModel? start = null;
        var startIdPath = new List<PathHop>();
        var carried = new List<CarriedVariable>();
        if (Text(directive, "start") is { } startName)
        {
            if (!byName.TryGetValue(startName, out start))
            {
                problem = $"the start operation '{startName}' is not in the operation documents";
                return null;
            }
            var resolved = PropertyPaths.Resolve(Root(start), Text(directive, "startIdPath"), types, out problem);
            if (resolved == null) return null;
            startIdPath = resolved;
            // "reportId=id": the status variable reportId is the start's variable id.
            foreach (var pair in Texts(directive, "startVariables"))
            {
                var parts = pair.Split('=');
                var to = parts.Length == 2 ? status.Variables.FirstOrDefault(v => v.WireName == parts[0].Trim()) : null;
                var from = parts.Length == 2 ? start.Variables.FirstOrDefault(v => v.WireName == parts[1].Trim()) : null;
                if (to == null || from == null || !from.IsRequired || from.Type.Kind != TypeRefKind.String)
                {
                    problem = $"startVariables entry '{pair}' is not 'statusVariable=startVariable' of the two operations (the start's a required String!)";
                    return null;
                }
                carried.Add(new CarriedVariable(to.Name, from.Name));
            }
            var unfilled = status.Variables.FirstOrDefault(v => v != id && carried.All(c => c.StatusVariable != v.Name));
            if (unfilled != null)
            {
                problem = $"the status variable '{unfilled.WireName}' gets no value from the start (list it in startVariables)";
                return null;
            }
        }

        var minDelay = Seconds(directive, "minDelay", 2, WaiterTiming.MaxDelaySeconds, ref problem);
        var maxDelay = Seconds(directive, "maxDelay", 30, WaiterTiming.MaxDelaySeconds, ref problem);
        var timeout = Seconds(directive, "timeout", 1800, WaiterTiming.MaxTimeoutSeconds, ref problem);
        if ((problem ??= WaiterTiming.OrderProblem(minDelay, maxDelay)) != null) return null;

        return new GraphQlWaiterModel
        {
            Name = Identifier.Pascal(declaredName, "Waiter"),
            Status = status,
            StatusPath = statusPath.ToEquatableArray(),
            Policy = new WaiterPolicy(success.ToEquatableArray(), Texts(directive, "failure").ToEquatableArray(), Texts(directive, "pending").ToEquatableArray(), minDelay, maxDelay, timeout),
            IdVariable = id.Name,
            Start = start,
            StartIdPath = startIdPath.ToEquatableArray(),
            Carried = carried.ToEquatableArray(),
        };
    }

    private static GraphQlDownloadModel? Download(GraphQLDirective directive, GraphQlWaiterModel waiter, Dictionary<string, TypeModel> types, out string? problem)
    {
        var name = Identifier.Pascal(Text(directive, "name") ?? string.Empty, string.Empty);
        if (name.Length == 0)
        {
            problem = "@clientgen_download has no name";
            return null;
        }
        var path = PropertyPaths.Resolve(Root(waiter.Status), Text(directive, "linkPath"), types, out problem);
        if (path == null) return null;
        var expired = Texts(directive, "refreshOn").Select(t => int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var status) ? status : 0).ToList();
        if (expired.Any(s => s < 400 || s > 599))
        {
            problem = "refreshOn lists a value that is not an HTTP error status";
            return null;
        }
        return new GraphQlDownloadModel(name, path.ToEquatableArray(), (expired.Count > 0 ? expired : s_expiredByDefault.ToList()).ToEquatableArray());
    }

    /// <summary>The methods a waiter adds; their names are the emitter's (<c>GraphQlWaiterEmitter</c>).</summary>
    private static IEnumerable<string> MethodsOf(GraphQlWaiterModel waiter)
    {
        yield return $"WaitFor{waiter.Name}Async";
        yield return $"__WaitFor{waiter.Name}Async";
        yield return $"Create{waiter.Name}Handle";
        yield return $"Resume{waiter.Name}Async";
        if (waiter.Start is { } start) yield return start.MethodName.Substring(0, start.MethodName.Length - "Async".Length) + "AndWaitAsync";
    }

    private static IEnumerable<string> MethodsOf(GraphQlDownloadModel download) => new[] { $"Download{download.Name}Async", $"Download{download.Name}ToFileAsync" };

    private static string? Collision(IEnumerable<string> names, NameScope methods) =>
        names.FirstOrDefault(methods.IsUsed) is { } taken ? $"its method {taken} would take the name of another member (an operation or another waiter)" : null;

    private static TypeRef Root(GraphQlOperationModel operation) => TypeRef.NamedType(operation.ResultType, NamedKind.Object);

    private static GraphQLValue? Argument(GraphQLDirective directive, string name) =>
        directive.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == name)?.Value;

    private static string? Text(GraphQLDirective directive, string name) =>
        Argument(directive, name) is GraphQLStringValue text && text.Value.Length > 0 ? text.Value.ToString() : null;

    private static List<string> Texts(GraphQLDirective directive, string name) => Argument(directive, name) switch
    {
        GraphQLListValue list => (list.Values ?? new List<GraphQLValue>()).Select(Scalar).Where(v => v != null).Select(v => v!).ToList(),
        { } single when Scalar(single) is { } value => new List<string> { value },
        _ => new List<string>(),
    };

    private static string? Scalar(GraphQLValue value) => value switch
    {
        GraphQLStringValue text => text.Value.ToString(),
        GraphQLIntValue integer => integer.Value.ToString(),
        GraphQLEnumValue symbol => symbol.Name.StringValue,
        _ => null,
    };

    /// <summary>A number of seconds within <see cref="WaiterTiming"/>'s bounds, else <paramref name="fallback"/> when absent; out of them is a problem.</summary>
    private static double Seconds(GraphQLDirective directive, string name, double fallback, double max, ref string? problem)
    {
        var value = Argument(directive, name);
        if (value == null || value is GraphQLNullValue) return fallback;
        var text = value is GraphQLIntValue integer ? integer.Value.ToString() : value is GraphQLFloatValue real ? real.Value.ToString() : Scalar(value) ?? value.Kind.ToString();
        if (value is GraphQLIntValue or GraphQLFloatValue && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && WaiterTiming.IsWithin(seconds, max)) return seconds;
        problem ??= WaiterTiming.OutOfRange(name, max, text);
        return fallback;
    }
}
