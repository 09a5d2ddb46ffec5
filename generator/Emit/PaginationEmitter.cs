using System.Collections.Generic;
using System.Linq;
using ClientGen.Generator.Model;
using ClientGen.Generator.Naming;

namespace ClientGen.Generator.Emit;

/// <summary>
/// Emits <c>{Items}Async</c> for each paged operation: an <c>IAsyncEnumerable</c> of its items over the runtime's
/// pager, each page fetched with the operation's own generated method (so with its retries, auth and typed errors).
/// </summary>
internal static class PaginationEmitter
{
    public static void EmitInterfaceMembers(SourceWriter w, ClientLookup lookup)
    {
        foreach (var paging in lookup.Model.Paginations)
        {
            Docs(w, paging, lookup);
            w.Line($"{Signature(paging, lookup)};");
            w.Line();
        }
    }

    // Locals and lambda parameters start with "__": a spec's parameters (page, size, cursor) are camelCase words.
    public static void EmitClassMembers(SourceWriter w, ClientLookup lookup)
    {
        foreach (var paging in lookup.Model.Paginations)
        {
            if (paging.Kind == PaginationKind.NextLink)
            {
                EmitLinked(w, paging, lookup);
                continue;
            }
            var operation = paging.Operation;
            var position = operation.Parameters.First(p => p.Name == paging.PositionParameter);
            var arguments = ClientEmitter.Parameters(operation, lookup).Select(p => p.Name).Select(name =>
                name == paging.PositionParameter ? Argument(name, position.Type.Kind == TypeRefKind.Int32 ? "checked((int)__position)" : "__position")
                : name == paging.SizeParameter ? Argument(name, "__size")
                : Argument(name, name));
            var call = $"(__position, __ct) => {operation.MethodName}({string.Join(", ", arguments.Append("cancellationToken: __ct"))})";
            var items = $"static __page => {Access("__page", paging.ItemsPath)}";
            w.Line("/// <inheritdoc />");
            w.Open("public " + Signature(paging, lookup));
            if (paging.SizeParameter != null) w.Line($"var __size = {paging.SizeParameter}{(paging.DefaultSize is { } size ? " ?? " + size : string.Empty)};");
            var page = ClientEmitter.ResponseTypeName(operation, lookup);
            var item = lookup.Types.Name(paging.ItemType);
            if (paging.Kind == PaginationKind.Token)
            {
                w.Line($"return {RuntimeContract.Pager}.ByTokenAsync<{page}, {item}>({paging.PositionParameter}, {call}, {items}, static __page => {Access("__page", paging.NextPath)}, cancellationToken);");
            }
            else
            {
                var start = $"{paging.PositionParameter} ?? {paging.Start}";
                var pageSize = paging.SizeParameter != null ? "__size" : "null";
                var byItems = paging.Kind == PaginationKind.Offset ? "true" : "false";
                w.Line($"return {RuntimeContract.Pager}.ByPositionAsync<{page}, {item}>({start}, {pageSize}, {byItems}, {call}, {items}, cancellationToken);");
            }
            w.Close();
            w.Line();
        }
    }

    /// <summary>The first page with the caller's arguments, every later one at the link the page before returned.</summary>
    private static void EmitLinked(SourceWriter w, PaginationModel paging, ClientLookup lookup)
    {
        var operation = paging.Operation;
        var page = ClientEmitter.ResponseTypeName(operation, lookup);
        var item = lookup.Types.Name(paging.ItemType);
        var pageAt = "__" + paging.ItemsMethod.Substring(0, paging.ItemsMethod.Length - "Async".Length) + "PageAtAsync";
        var arguments = ClientEmitter.Parameters(operation, lookup).Select(p => Argument(p.Name, p.Name)).Append("cancellationToken: __ct");
        var next = Access("__page", paging.NextPath) + (paging.NextIsUri ? "?.OriginalString" : string.Empty);
        w.Line("/// <inheritdoc />");
        w.Open("public " + Signature(paging, lookup));
        // Every later page is sent with the first one's call options (headers, entity, timeout).
        w.Line($"return {RuntimeContract.Pager}.ByLinkAsync<{page}, {item}>(__ct => {operation.MethodName}({string.Join(", ", arguments)}), (__link, __ct) => {pageAt}(__link, {EmittedMembers.CallOptions}, __ct), static __page => {Access("__page", paging.ItemsPath)}, static __page => {next}, cancellationToken);");
        w.Close();
        w.Line();
        w.Line($"/// <summary>The page of {operation.MethodName} at a link a previous page returned.</summary>");
        w.Open($"private async global::System.Threading.Tasks.Task<{page}> {pageAt}(string link, {RuntimeContract.ApiCallOptions}? callOptions, global::System.Threading.CancellationToken cancellationToken)");
        w.Line($"var __request = {RuntimeContract.ApiRequest}.ForLink(s_operation{paging.OperationIndex}, link);");
        w.Line("__request.CallOptions = callOptions;");
        w.Line("using var __response = await _core.SendAsync(__request, cancellationToken).ConfigureAwait(false);");
        w.Line($"if (__response.IsSuccessStatusCode) return await __response.ReadJsonAsync({ClientEmitter.JsonReader(operation.Success.Type!, lookup.Types)}, cancellationToken).ConfigureAwait(false);");
        ClientEmitter.EmitErrors(w, operation, lookup, "__response");
        w.Close();
        w.Line();
    }

    /// <summary>The operation's parameters, with the page and its size made optional (the stream chooses them).</summary>
    private static string Signature(PaginationModel paging, ClientLookup lookup)
    {
        var operation = paging.Operation;
        var paged = new[] { paging.PositionParameter, paging.SizeParameter }.Where(n => n != null).ToArray();
        var declarations = new List<string>();
        declarations.AddRange(ClientEmitter.Parameters(operation, lookup).Where(p => !paged.Contains(p.Name) && !p.Declaration.EndsWith(" = null", System.StringComparison.Ordinal)).Select(p => p.Declaration));
        foreach (var name in paged.Where(n => n != null))
        {
            var parameter = operation.Parameters.First(p => p.Name == name);
            declarations.Add($"{lookup.Types.Name(parameter.Type.AsNullable())} {parameter.Name} = null");
        }
        declarations.AddRange(ClientEmitter.Parameters(operation, lookup).Where(p => !paged.Contains(p.Name) && p.Declaration.EndsWith(" = null", System.StringComparison.Ordinal)).Select(p => p.Declaration));
        declarations.Add("global::System.Threading.CancellationToken cancellationToken = default");
        return $"global::System.Collections.Generic.IAsyncEnumerable<{lookup.Types.Name(paging.ItemType)}> {paging.ItemsMethod}({string.Join(", ", declarations)})";
    }

    private static void Docs(SourceWriter w, PaginationModel paging, ClientLookup lookup)
    {
        var operation = paging.Operation;
        Text.SpecDoc(w, "summary", $"Every item {operation.MethodName} returns, page after page: the next page is requested only when the items before it have been read.");
        var how = paging.Kind switch
        {
            PaginationKind.Offset => $"{paging.PositionParameter} starts at {paging.Start} (or the value given) and grows by each page's item count",
            PaginationKind.PageNumber => $"{paging.PositionParameter} starts at {paging.Start} (or the value given) and grows by one",
            PaginationKind.Token => $"{paging.PositionParameter} is the token the previous page returned",
            _ => "the first page is requested with these arguments, every later one at the link the page before returned",
        };
        var end = paging.Kind switch
        {
            PaginationKind.Token => "a page returns no next token",
            PaginationKind.NextLink => "a page returns no next link (a link to another host is refused, not followed)",
            _ => "a page has fewer items than asked for, or none",
        };
        Text.SpecDoc(w, "remarks", $"{how}; the stream ends when {end}." + (paging.DefaultSize is { } size ? $" Pages of {size} items unless {paging.SizeParameter} is given." : string.Empty));
        ClientEmitter.ParamDocs(w, operation, requiredOnly: false);
        w.Line("/// <param name=\"cancellationToken\">Stops the stream, between pages or during one.</param>");
    }

    private static string Argument(string name, string value) => $"{name}: {value}";

    /// <summary><c>page.Response</c>, with <c>?.</c> after every hop that may be null.</summary>
    private static string Access(string root, EquatableArray<PathHop> path) => WaiterEmitter.Access(root, path);
}
