using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ClientGen.Generator.Model;
using ClientGen.Generator.Naming;
using ClientGen.Generator.OpenApi.Schemas;
using Newtonsoft.Json.Linq;
using NSwag;

namespace ClientGen.Generator.OpenApi;

/// <summary>
/// Reads <c>x-clientgen-pagination</c> from operations: which parameter names the page (<c>offset</c>, <c>page</c> or
/// <c>token</c>), which asks for its size, where the items are and (for tokens) where the next token is. A declaration
/// that does not fit its operation is dropped with CG1008; the operation itself is generated either way.
/// </summary>
internal static class PaginationMapper
{
    public const string Extension = "x-clientgen-pagination";

    public static List<PaginationModel> Map(OpenApiDocument document, IReadOnlyList<OperationModel> operations, IReadOnlyList<TypeModel> types, NameScope methodNames, DiagnosticSink sink)
    {
        var result = new List<PaginationModel>();
        var typesByName = types.ToDictionary(t => t.Name, StringComparer.Ordinal);
        foreach (var path in document.Paths)
        {
            foreach (var entry in path.Value)
            {
                if (Declaration(entry.Value, out var extension) is not { } raw) continue;
                var pointer = "/paths/" + JsonPointer.Escape(path.Key) + "/" + entry.Key + "/" + extension;
                var operation = operations.FirstOrDefault(o => o.Path == path.Key && o.HttpMethod == entry.Key.ToUpperInvariant());
                if (operation == null) continue; // not generated (a repeated operationId is CG0004 already)
                var body = JToken.FromObject(raw) as JObject;
                var model = body != null ? MapOne(body, operation, typesByName, verbatim: extension == AzureExtension, out var problem) : Fail("it must be an object", out problem);
                if (model == null)
                {
                    sink.Warn(DiagnosticDescriptors.InvalidPagination, pointer, operation.OperationId, problem!);
                    continue;
                }
                var name = Declarations.Text(body!, "method") is { } given ? Identifier.Pascal(given, "Items") : operation.MethodName.Substring(0, operation.MethodName.Length - "Async".Length) + "Items";
                result.Add(model with
                {
                    ItemsMethod = methodNames.Claim(name.EndsWith("Async", StringComparison.Ordinal) ? name : name + "Async"),
                    OperationIndex = IndexOf(operations, operation),
                });
            }
        }
        return result;
    }

    private const string AzureExtension = "x-ms-pageable";

    /// <summary>
    /// Ours, else Azure's <c>x-ms-pageable</c> (<c>nextLinkName</c>, <c>itemName</c> defaulting to <c>value</c>) read as a
    /// next-link declaration; an <c>x-ms-pageable</c> without a next link is one page, and gets no items method.
    /// </summary>
    private static object? Declaration(OpenApiOperation operation, out string extension)
    {
        extension = Extension;
        if (operation.ExtensionData == null) return null;
        if (operation.ExtensionData.TryGetValue(Extension, out var ours) && ours != null) return ours;
        extension = AzureExtension;
        if (!operation.ExtensionData.TryGetValue(AzureExtension, out var azure) || azure == null) return null;
        if (JToken.FromObject(azure) is not JObject pageable || !IsFollowable(pageable)) return null;
        return new JObject { ["items"] = pageable["itemName"]?.Type == JTokenType.String ? pageable["itemName"] : "value", ["nextLink"] = pageable["nextLinkName"] };
    }

    /// <summary>A next link to follow as it is: with <c>operationName</c> the link is an argument of another operation instead.</summary>
    public static bool IsFollowable(JObject pageable) => pageable["nextLinkName"]?.Type == JTokenType.String && pageable["operationName"] == null;

    private static int IndexOf(IReadOnlyList<OperationModel> operations, OperationModel operation)
    {
        for (var i = 0; i < operations.Count; i++)
        {
            if (ReferenceEquals(operations[i], operation)) return i;
        }
        return -1;
    }

    /// <param name="verbatim">Azure's names are property names as written ("odata.nextLink" is one property), not dotted paths.</param>
    private static PaginationModel? MapOne(JObject body, OperationModel operation, Dictionary<string, TypeModel> types, bool verbatim, out string? problem)
    {
        problem = null;
        if (Declarations.Text(body, "nextLink") is { } link) return MapNextLink(body, link, operation, types, verbatim, out problem);
        var kinds = new[] { ("offset", PaginationKind.Offset), ("page", PaginationKind.PageNumber), ("token", PaginationKind.Token) }.Where(k => Declarations.Text(body, k.Item1) != null).ToList();
        if (kinds.Count != 1) return Fail("it must name the parameter that selects the page with exactly one of offset, page or token (or give nextLink)", out problem);
        var (key, kind) = kinds[0];
        var position = Parameter(operation, Declarations.Text(body, key)!);
        if (position == null) return Fail($"the operation has no parameter '{Declarations.Text(body, key)}'", out problem);
        if (kind == PaginationKind.Token ? position.Type.Kind != TypeRefKind.String : !IsInteger(position.Type)) return Fail($"'{position.WireName}' is not {(kind == PaginationKind.Token ? "a string" : "an integer")}", out problem);

        ParameterModel? size = null;
        if (Declarations.Text(body, "size") is { } sizeName && ((size = Parameter(operation, sizeName)) == null || !IsInteger(size.Type)))
        {
            return Fail($"the operation has no integer parameter '{sizeName}'", out problem);
        }
        if (!TryLong(body, "start", kind == PaginationKind.PageNumber ? 1 : 0, out var start) || !TryLong(body, "defaultSize", -1, out var defaultSize) || (body["defaultSize"] != null && defaultSize < 1))
        {
            return Fail("start and defaultSize must be whole numbers (defaultSize at least 1)", out problem);
        }
        if (size is { IsRequired: true } && defaultSize < 1) return Fail($"'{size.WireName}' is required, so the declaration needs a defaultSize", out problem);

        if (operation.Success.Kind != ResponseKind.Json || operation.Success.Type == null) return Fail("the operation has no JSON response to read items from", out problem);
        var itemsPath = PropertyPaths.Resolve(operation.Success.Type, Declarations.Text(body, "items"), types, out problem);
        if (itemsPath == null) return null;
        var itemsType = PropertyPaths.TypeAt(operation.Success.Type, itemsPath, types);
        if (itemsType is not { Kind: TypeRefKind.Array, Element: { } itemType }) return Fail($"'{Declarations.Text(body, "items")}' is not a list", out problem);

        var nextPath = new List<PathHop>();
        if (kind == PaginationKind.Token)
        {
            nextPath = PropertyPaths.Resolve(operation.Success.Type, Declarations.Text(body, "next"), types, out problem);
            if (nextPath == null) return null;
            if (PropertyPaths.TypeAt(operation.Success.Type, nextPath, types) is not { Kind: TypeRefKind.String }) return Fail($"'{Declarations.Text(body, "next")}' is not a string", out problem);
        }

        return new PaginationModel
        {
            ItemsMethod = string.Empty, // claimed by the caller, in the client's method scope
            Operation = operation,
            Kind = kind,
            PositionParameter = position.Name,
            SizeParameter = size?.Name,
            Start = start,
            DefaultSize = defaultSize >= 1 ? defaultSize : null,
            ItemsPath = itemsPath.ToEquatableArray(),
            ItemType = itemType,
            NextPath = nextPath.ToEquatableArray(),
        };
    }

    private static PaginationModel? MapNextLink(JObject body, string link, OperationModel operation, Dictionary<string, TypeModel> types, bool verbatim, out string? problem)
    {
        if (operation.HttpMethod != "GET") return Fail("a next link is followed with GET, and the operation is not one", out problem);
        if (operation.Success.Kind != ResponseKind.Json || operation.Success.Type == null) return Fail("the operation has no JSON response to read items from", out problem);
        var itemsPath = PropertyPaths.Resolve(operation.Success.Type, Declarations.Text(body, "items"), types, out problem, verbatim);
        if (itemsPath == null) return null;
        if (PropertyPaths.TypeAt(operation.Success.Type, itemsPath, types) is not { Kind: TypeRefKind.Array, Element: { } itemType }) return Fail($"'{Declarations.Text(body, "items")}' is not a list", out problem);
        var nextPath = PropertyPaths.Resolve(operation.Success.Type, link, types, out problem, verbatim);
        if (nextPath == null) return null;
        if (PropertyPaths.TypeAt(operation.Success.Type, nextPath, types) is not { Kind: TypeRefKind.String or TypeRefKind.Uri } linkType) return Fail($"'{link}' is not a string", out problem);
        return new PaginationModel
        {
            ItemsMethod = string.Empty,
            Operation = operation,
            Kind = PaginationKind.NextLink,
            ItemsPath = itemsPath.ToEquatableArray(),
            ItemType = itemType,
            NextPath = nextPath.ToEquatableArray(),
            NextIsUri = linkType.Kind == TypeRefKind.Uri,
        };
    }

    private static ParameterModel? Parameter(OperationModel operation, string wireName) =>
        operation.Parameters.FirstOrDefault(p => p.Location != ParameterLocation.Header && string.Equals(p.WireName, wireName, StringComparison.Ordinal));

    private static bool IsInteger(TypeRef type) => type.Kind is TypeRefKind.Int32 or TypeRefKind.Int64;


    private static PaginationModel? Fail(string reason, out string? problem)
    {
        problem = reason;
        return null;
    }


    private static bool TryLong(JObject body, string name, long fallback, out long value)
    {
        value = fallback;
        if (body[name] is not { } token || token.Type == JTokenType.Null) return true;
        return token.Type == JTokenType.Integer && long.TryParse(token.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value >= 0;
    }
}
