using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ClientGen.Generator.Model;
using ClientGen.Generator.Naming;
using Newtonsoft.Json.Linq;

namespace ClientGen.Generator.OpenApi;

/// <summary>
/// The parts of a waiter declaration for APIs that document no per-run status operation (EnergyCAP): the status
/// operation lists runs, <c>select</c> names the item field that identifies the one waited on, and <c>arguments</c>
/// fixes what every poll sends (<c>includeInProgress: true</c>).
/// </summary>
internal static class WaiterSelections
{
    /// <summary>
    /// The selection <c>select</c> (with an optional <c>itemsPath</c> to the list) declares, or null when the waiter
    /// polls one run. <paramref name="statusRoot"/> is what <c>statusPath</c> starts from: the selected item, or the response.
    /// </summary>
    public static WaiterSelection? Read(JObject body, OperationModel status, Dictionary<string, TypeModel> types, out TypeRef statusRoot, out string? problem)
    {
        problem = null;
        statusRoot = status.Success.Type!;
        if (Declarations.Text(body, "select") is not { } field) return null;
        if (status.Parameters.Any(p => p.IsRequired))
        {
            problem = "select needs a status operation that lists without required parameters";
            return null;
        }
        var itemsPath = new List<PathHop>();
        var list = statusRoot;
        if (Declarations.Text(body, "itemsPath") is { } path)
        {
            itemsPath = PropertyPaths.Resolve(statusRoot, path, types, out problem);
            if (itemsPath == null) return null;
            list = PropertyPaths.TypeAt(statusRoot, itemsPath, types)!;
        }
        if (list is not { Kind: TypeRefKind.Array, Element: { Kind: TypeRefKind.Named } item } || !types.TryGetValue(item.Name!, out var itemType) || itemType.Kind != TypeModelKind.Object)
        {
            problem = "select needs the status response (or its itemsPath) to be a list of objects";
            return null;
        }
        var property = itemType.AllProperties.FirstOrDefault(p => p.JsonName == field);
        if (property == null || property.Type.Kind is not (TypeRefKind.String or TypeRefKind.Int32 or TypeRefKind.Int64))
        {
            problem = $"'{itemType.Name}' has no string or integer property '{field}' to select by";
            return null;
        }
        statusRoot = item;
        var parameter = new NameScope(EmittedMembers.OfParameters().Concat(new[] { "options" })).Claim(Identifier.Camel(field, "id"));
        return new WaiterSelection(itemsPath.ToEquatableArray(), item.AsNullable(false), property.Name, parameter, property.Type.AsNullable(false));
    }

    /// <summary><c>arguments: { includeInProgress: true }</c>: values every poll passes to the status operation's optional parameters.</summary>
    public static EquatableArray<FixedArgument> FixedArguments(JObject body, OperationModel status, out string? problem)
    {
        problem = null;
        if (body["arguments"] is not { } raw) return EquatableArray<FixedArgument>.Empty;
        if (raw is not JObject arguments)
        {
            problem = "arguments must be an object of parameter names and values";
            return EquatableArray<FixedArgument>.Empty;
        }
        var result = new List<FixedArgument>();
        foreach (var argument in arguments.Properties())
        {
            var parameter = status.Parameters.FirstOrDefault(p => p.WireName == argument.Name && !p.IsRequired);
            var literal = parameter == null ? null : Literal(parameter.Type, argument.Value);
            if (literal == null)
            {
                problem = $"the status operation has no optional parameter '{argument.Name}' that takes {argument.Value.ToString(Newtonsoft.Json.Formatting.None)}";
                return EquatableArray<FixedArgument>.Empty;
            }
            result.Add(new FixedArgument(parameter!.Name, literal));
        }
        return result.ToEquatableArray();
    }

    // The C# literal for a JSON scalar, when it has the parameter's type.
    private static string? Literal(TypeRef type, JToken value) => (type.Kind, value.Type) switch
    {
        (TypeRefKind.Boolean, JTokenType.Boolean) => (bool)value ? "true" : "false",
        (TypeRefKind.Int32 or TypeRefKind.Int64, JTokenType.Integer) => Convert.ToString(((JValue)value).Value, CultureInfo.InvariantCulture),
        (TypeRefKind.String, JTokenType.String) => Emit.Text.Literal((string)value!),
        _ => null,
    };

}
