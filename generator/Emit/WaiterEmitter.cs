using System.Globalization;
using System.Linq;
using ClientGen.Generator.Model;
using ClientGen.Generator.Naming;

namespace ClientGen.Generator.Emit;

/// <summary>Emits <c>WaitFor{Name}Async</c> and <c>{Start}AndWaitAsync</c> for each waiter the spec declares.</summary>
internal static class WaiterEmitter
{
    public static void EmitInterfaceMembers(SourceWriter w, ClientLookup lookup)
    {
        foreach (var waiter in lookup.Model.Waiters)
        {
            var status = waiter.Status;
            WaitDocs(w, waiter, status);
            w.Line($"{WaitSignature(waiter, status, lookup)};");
            w.Line();
            if (waiter.IsResumable)
            {
                w.Line($$"""
                    /// <summary>A handle to <c>{{waiter.Name}}</c> for work <paramref name="id"/>, to persist and resume from another process.</summary>
                    /// <param name="id">The work's id.</param>
                    /// <param name="entity">The tenant entity the work belongs to, if any.</param>
                    {{RuntimeContract.OperationHandle}} Create{{waiter.Name}}Handle({{IdType(waiter, lookup)}} id, string? entity = null);

                    /// <summary>Resumes waiting on work started elsewhere, without starting it again.</summary>
                    /// <param name="handle">A handle from <c>Create{{waiter.Name}}Handle</c> or <see cref="{{RuntimeContract.WaitOptions}}.Started"/>.</param>
                    /// <param name="options">Deadline, progress, and whether cancelling also cancels the work on the vendor.</param>
                    /// <param name="cancellationToken">Stops waiting.</param>
                    /// <exception cref="global::System.InvalidOperationException">The handle belongs to another API, waiter or address.</exception>
                    global::System.Threading.Tasks.Task<{{ResultType(waiter, lookup)}}> Resume{{waiter.Name}}Async({{RuntimeContract.OperationHandle}} handle, {{RuntimeContract.WaitOptions}}? options = null, global::System.Threading.CancellationToken cancellationToken = default);
                    """);
                w.Line();
            }
            if (waiter.Start is { } start)
            {
                StartDocs(w, waiter, start);
                w.Line($"{StartSignature(waiter, start, status, lookup)};");
                w.Line();
            }
        }
    }

    public static void EmitClassMembers(SourceWriter w, ClientLookup lookup)
    {
        var index = 0;
        foreach (var waiter in lookup.Model.Waiters)
        {
            var status = waiter.Status;
            var field = $"s_waiter{index++}";
            Definition(w, field, waiter.Name, waiter.Policy);

            var arguments = ClientEmitter.Parameters(status, lookup).Where((_, i) => i < status.Parameters.Count(p => p.IsRequired)).Select(p => $"{p.Name}: {p.Name}").ToList();
            arguments.AddRange(waiter.FixedArguments.Select(a => $"{a.Parameter}: {a.Literal}"));
            var call = $"{status.MethodName}({string.Join(", ", arguments.Append($"{EmittedMembers.CallOptions}: __calls").Append("cancellationToken: ct"))})";
            var poll = waiter.Selection is { } selection ? $"async ct => {Select(waiter, selection, call, lookup)}" : $"ct => {call}";
            var cancel = waiter.Cancel == null ? "null" : $"ct => {waiter.Cancel.MethodName}({CancelArguments(waiter.Cancel)})";
            var core = $"__WaitFor{waiter.Name}Async";
            var waitArguments = string.Join(", ", WaitParameters(waiter, status, lookup).Select(p => p.Name));
            w.Line("/// <inheritdoc />");
            w.Open("public " + WaitSignature(waiter, status, lookup));
            w.Line($"return {core}({waitArguments}, options?.CallOptions, options, cancellationToken);");
            w.Close();
            w.Line();
            // Every poll and the cancel are sent with the same call options: the wait's own, or those a resume or a start implies.
            var coreParameters = string.Join(", ", WaitParameters(waiter, status, lookup).Select(p => p.Declaration));
            w.Open($"private global::System.Threading.Tasks.Task<{ResultType(waiter, lookup)}> {core}({coreParameters}, {RuntimeContract.ApiCallOptions}? __calls, {RuntimeContract.WaitOptions}? options, global::System.Threading.CancellationToken cancellationToken)");
            w.Line($"return {RuntimeContract.Waiter}.WaitAsync({field}, {poll}, static r => {RuntimeContract.WaiterStatus}.Of({Access("r", waiter.StatusPath)}), {cancel}, options, _core.Options.TimeProvider, cancellationToken);");
            w.Close();
            w.Line();

            if (waiter.IsResumable)
            {
                w.Line($$"""
                    /// <inheritdoc />
                    public {{RuntimeContract.OperationHandle}} Create{{waiter.Name}}Handle({{IdType(waiter, lookup)}} id, string? entity = null)
                        => new({{Text.Literal(lookup.Model.Shape.ClientName)}}, {{Text.Literal(waiter.Name)}}, {{HandleId(waiter)}}, _core.Options.EffectiveBaseAddress, entity);

                    /// <inheritdoc />
                    public global::System.Threading.Tasks.Task<{{ResultType(waiter, lookup)}}> Resume{{waiter.Name}}Async({{RuntimeContract.OperationHandle}} handle, {{RuntimeContract.WaitOptions}}? options = null, global::System.Threading.CancellationToken cancellationToken = default)
                    {
                        global::System.ArgumentNullException.ThrowIfNull(handle);
                        handle.EnsureFor({{Text.Literal(lookup.Model.Shape.ClientName)}}, {{Text.Literal(waiter.Name)}}, _core.Options.EffectiveBaseAddress);
                        return {{core}}({{IdFromHandle(waiter)}}, {{RuntimeContract.WaiterCalls}}.ForResume(options, handle), options, cancellationToken);
                    }
                    """);
                w.Line();
            }

            if (waiter.Start is { } start)
            {
                var startArguments = string.Join(", ", ClientEmitter.Parameters(start, lookup).Select(p => $"{p.Name}: {p.Name}").Append("cancellationToken: cancellationToken"));
                w.Line("/// <inheritdoc />");
                w.Open("public async " + StartSignature(waiter, start, status, lookup));
                w.Line($"var __started = await {start.MethodName}({startArguments}).ConfigureAwait(false);");
                var startedId = waiter.Selection != null ? Access("__started", waiter.StartIdPath) : $"{RuntimeContract.WaiterStatus}.Of({Access("__started", waiter.StartIdPath)})";
                w.Line($"var __id = {startedId} ?? throw new global::System.InvalidOperationException(\"{start.OperationId} returned no id to wait on.\");");
                w.Line($"var __calls = {RuntimeContract.WaiterCalls}.ForPolls({EmittedMembers.WaitOptions}, {EmittedMembers.CallOptions});");
                if (waiter.IsResumable) w.Line($"{EmittedMembers.WaitOptions}?.Started?.Invoke(Create{waiter.Name}Handle(__id, __calls?.Entity));");
                w.Line($"return await {core}(__id, __calls, {EmittedMembers.WaitOptions}, cancellationToken).ConfigureAwait(false);");
                w.Close();
                w.Line();
            }
        }
    }

    /// <summary>What identifies the work a wait follows: a listing's id, else the status operation's required parameters.</summary>
    private static System.Collections.Generic.IEnumerable<(string Declaration, string Name)> WaitParameters(WaiterModel waiter, OperationModel status, ClientLookup lookup) =>
        waiter.Selection is { } selection
            ? new[] { ($"{lookup.Types.Name(selection.IdType)} {selection.IdParameter}", selection.IdParameter) }
            : ClientEmitter.Parameters(status, lookup).Take(status.Parameters.Count(p => p.IsRequired));

    /// <summary>The <c>WaiterDefinition</c> field a waiter's methods share, for both front ends.</summary>
    internal static void Definition(SourceWriter w, string field, string name, WaiterPolicy policy)
    {
        w.Line($"private static readonly {RuntimeContract.WaiterDefinition} {field} = new({Text.Literal(name)}, {List(policy.Success)}, {List(policy.Failure)}, {List(policy.Pending)})");
        w.Line($"{{ MinDelay = global::System.TimeSpan.FromSeconds({Number(policy.MinDelaySeconds)}), MaxDelay = global::System.TimeSpan.FromSeconds({Number(policy.MaxDelaySeconds)}), DefaultTimeout = global::System.TimeSpan.FromSeconds({Number(policy.TimeoutSeconds)}) }};");
        w.Line();
    }

    private static string WaitSignature(WaiterModel waiter, OperationModel status, ClientLookup lookup)
    {
        var parameters = WaitParameters(waiter, status, lookup).Select(p => p.Declaration).Append($"{RuntimeContract.WaitOptions}? options = null").Append("global::System.Threading.CancellationToken cancellationToken = default");
        return $"global::System.Threading.Tasks.Task<{ResultType(waiter, lookup)}> WaitFor{waiter.Name}Async({string.Join(", ", parameters)})";
    }

    /// <summary>What a wait returns: the status response, or the selected item of a listing.</summary>
    private static string ResultType(WaiterModel waiter, ClientLookup lookup) =>
        waiter.Selection is { } selection ? lookup.Types.Name(selection.ItemType) : ClientEmitter.ResponseTypeName(waiter.Status, lookup);

    private static string IdType(WaiterModel waiter, ClientLookup lookup) => waiter.Selection is { } selection ? lookup.Types.Name(selection.IdType) : "string";

    // A handle keeps its id as text; an integer id is written and read back in the invariant culture.
    private static string HandleId(WaiterModel waiter) => waiter.Selection is { IdType.Kind: not TypeRefKind.String }
        ? "id.ToString(global::System.Globalization.CultureInfo.InvariantCulture)"
        : "id ?? throw new global::System.ArgumentNullException(nameof(id))";

    private static string IdFromHandle(WaiterModel waiter) => waiter.Selection?.IdType.Kind switch
    {
        TypeRefKind.Int32 => "int.Parse(handle.Id, global::System.Globalization.CultureInfo.InvariantCulture)",
        TypeRefKind.Int64 => "long.Parse(handle.Id, global::System.Globalization.CultureInfo.InvariantCulture)",
        _ => "handle.Id",
    };

    /// <summary>The listing's item whose field equals the wait's id; a listing without it ends the wait with a clear error.</summary>
    private static string Select(WaiterModel waiter, WaiterSelection selection, string call, ClientLookup lookup)
    {
        var list = Access($"(await {call}.ConfigureAwait(false))", selection.ItemsPath);
        var item = lookup.Types.Name(selection.ItemType);
        return $"global::System.Linq.Enumerable.FirstOrDefault({list} ?? global::System.Array.Empty<{item}>(), __item => __item.{selection.ItemProperty} == {selection.IdParameter})"
            + $" ?? throw new global::System.InvalidOperationException($\"{waiter.Status.OperationId} lists no item whose {selection.ItemProperty} is {{{selection.IdParameter}}}.\")";
    }

    private static string StartSignature(WaiterModel waiter, OperationModel start, OperationModel status, ClientLookup lookup)
    {
        var parameters = ClientEmitter.Parameters(start, lookup).Select(p => p.Declaration)
            .Append($"{RuntimeContract.WaitOptions}? {EmittedMembers.WaitOptions} = null")
            .Append("global::System.Threading.CancellationToken cancellationToken = default");
        var name = start.MethodName.Substring(0, start.MethodName.Length - "Async".Length) + "AndWaitAsync";
        return $"global::System.Threading.Tasks.Task<{ResultType(waiter, lookup)}> {name}({string.Join(", ", parameters)})";
    }

    private static string CancelArguments(WaiterCancel cancel) =>
        string.Join(", ", cancel.Arguments.Select(n => $"{n}: {n}").Append($"{EmittedMembers.CallOptions}: __calls").Append("cancellationToken: ct"));

    /// <summary><c>r.Response.Status</c>, with <c>?.</c> after every hop that may be null.</summary>
    public static string Access(string root, EquatableArray<PathHop> path)
    {
        var text = root;
        var previousNullable = false;
        foreach (var hop in path)
        {
            text += (previousNullable ? "?." : ".") + hop.Property;
            previousNullable = hop.IsNullable;
        }
        return text;
    }

    private static void WaitDocs(SourceWriter w, WaiterModel waiter, OperationModel status)
    {
        Text.SpecDoc(w, "summary", waiter.Description ?? $"Waits until {waiter.Name}.");
        Text.SpecDoc(w, "remarks", $"Polls {status.MethodName} until the status is one of {string.Join(", ", waiter.Policy.Success)}"
            + (waiter.Policy.Failure.Count > 0 ? $"; {string.Join(", ", waiter.Policy.Failure)} end the wait with a WaiterFailedException" : string.Empty)
            + ". Throttling, server errors and timeouts while polling do not end the wait; the deadline does (WaiterTimeoutException).");
        if (waiter.Selection is { } selection) w.Line($"/// <param name=\"{selection.IdParameter.TrimStart('@')}\">The {selection.ItemProperty} of the item to follow in the listing.</param>");
        else ClientEmitter.ParamDocs(w, status, requiredOnly: true);
        w.Line("/// <param name=\"options\">Deadline, progress, whether cancelling also cancels the work on the vendor, and the call options (entity, headers) of every poll.</param>");
        w.Line("/// <param name=\"cancellationToken\">Stops waiting.</param>");
        w.Line("/// <returns>The last status response, whose status is a success value.</returns>");
    }

    private static void StartDocs(SourceWriter w, WaiterModel waiter, OperationModel start)
    {
        Text.SpecDoc(w, "summary", $"Calls {start.MethodName} once, then waits until {waiter.Name}. The start is never repeated by the wait.");
        ClientEmitter.ParamDocs(w, start, requiredOnly: false);
        w.Line("/// <param name=\"waitOptions\">Deadline, progress, and whether cancelling also cancels the work on the vendor; polls use its CallOptions, else <c>callOptions</c> without the idempotency key.</param>");
        w.Line("/// <param name=\"cancellationToken\">Cancels the call or the wait.</param>");
    }

    private static string List(EquatableArray<string> values) => "new string[] { " + string.Join(", ", values.Select(Text.Literal)) + " }";

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
