using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ClientGen.Generator.Model;
using ClientGen.Generator.Naming;

namespace ClientGen.Generator.Emit;

/// <summary>
/// Emits a GraphQL client's declared waiters: <c>WaitFor{Name}Async</c>, <c>Create{Name}Handle</c>/<c>Resume{Name}Async</c>,
/// <c>{Start}AndWaitAsync</c> and the downloads, on the same runtime code path as the OpenAPI waiters.
/// </summary>
internal static class GraphQlWaiterEmitter
{
    public static void EmitInterfaceMembers(SourceWriter w, GraphQlClientModel model, ModelLookup lookup)
    {
        foreach (var waiter in model.Waiters)
        {
            Text.SpecDoc(w, "summary", $"Waits until {waiter.Name}: polls {waiter.Status.MethodName} until the status is one of {string.Join(", ", waiter.Policy.Success)}"
                + (waiter.Policy.Failure.Count > 0 ? $" ({string.Join(", ", waiter.Policy.Failure)} end the wait with a WaiterFailedException)" : string.Empty) + ".");
            Text.DocTag(w, "remarks", "Throttling, server errors and timeouts while polling do not end the wait; the deadline does (WaiterTimeoutException).");
            VariableDocs(w, waiter);
            w.Line("/// <param name=\"options\">Deadline, progress, and the call options (headers, track id) of every poll.</param>");
            w.Line("/// <param name=\"cancellationToken\">Stops waiting.</param>");
            w.Line("/// <returns>The data of the last poll, whose status is a success value.</returns>");
            w.Line($"{WaitSignature(waiter, lookup)};");
            w.Line();
            w.Line($"/// <summary>A handle to <c>{waiter.Name}</c> for the work these variables name, to persist and resume from another process.</summary>");
            VariableDocs(w, waiter);
            w.Line($"{RuntimeContract.OperationHandle} Create{waiter.Name}Handle({WaitParameters(waiter)});");
            w.Line();
            w.Line("/// <summary>Resumes waiting on work started elsewhere, without starting it again.</summary>");
            w.Line($"/// <param name=\"handle\">A handle from <c>Create{waiter.Name}Handle</c> or <see cref=\"{RuntimeContract.WaitOptions}.Started\"/>.</param>");
            w.Line("/// <param name=\"options\">Deadline, progress, and the call options of every poll.</param>");
            w.Line("/// <param name=\"cancellationToken\">Stops waiting.</param>");
            w.Line("/// <exception cref=\"global::System.InvalidOperationException\">The handle belongs to another API, waiter or address.</exception>");
            w.Line($"{ResumeSignature(waiter, lookup)};");
            w.Line();
            if (waiter.Start is { } start)
            {
                Text.DocTag(w, "summary", $"Sends {start.MethodName} once, then waits until {waiter.Name}. The start is never repeated by the wait.");
                GraphQlEmitter.VariableDocs(w, start);
                w.Line("/// <param name=\"waitOptions\">Deadline, progress, and the call options of every poll (else <c>callOptions</c>).</param>");
                w.Line("/// <param name=\"cancellationToken\">Cancels the call or the wait.</param>");
                w.Line($"{StartSignature(waiter, start, lookup)};");
                w.Line();
            }
            if (waiter.Download is { } download)
            {
                Text.DocTag(w, "summary", $"Streams the file a finished {waiter.Name} links to into <paramref name=\"destination\"/>, without the API's credentials; when the link has expired, {waiter.Status.MethodName} is asked once more for a fresh one.");
                VariableDocs(w, waiter);
                w.Line("/// <param name=\"destination\">Receives the file.</param>");
                w.Line($"/// <param name=\"{EmittedMembers.CallOptions}\">Call options for the status query that returns the link.</param>");
                w.Line("/// <param name=\"cancellationToken\">Cancels the download.</param>");
                w.Line("/// <returns>The number of bytes written.</returns>");
                w.Line($"{DownloadSignature(waiter, download, "global::System.IO.Stream destination", string.Empty)};");
                w.Line();
                Text.DocTag(w, "summary", $"Downloads the file a finished {waiter.Name} links to into <paramref name=\"path\"/>, replacing it only once the download is complete (never a truncated file).");
                VariableDocs(w, waiter);
                w.Line("/// <param name=\"path\">The file to write.</param>");
                w.Line($"/// <param name=\"{EmittedMembers.CallOptions}\">Call options for the status query that returns the link.</param>");
                w.Line("/// <param name=\"cancellationToken\">Cancels the download.</param>");
                w.Line("/// <returns>The number of bytes written.</returns>");
                w.Line($"{DownloadSignature(waiter, download, "string path", "ToFile")};");
                w.Line();
            }
        }
    }

    public static void EmitClassMembers(SourceWriter w, GraphQlClientModel model, ModelLookup lookup)
    {
        var index = 0;
        foreach (var waiter in model.Waiters)
        {
            var field = $"s_waiter{index++}";
            var client = Text.Literal(model.Shape.ClientName);
            var status = waiter.Status;
            var variables = string.Join(", ", status.Variables.Select(v => v.Name));
            WaiterEmitter.Definition(w, field, waiter.Name, waiter.Policy);
            w.Line("/// <inheritdoc />");
            w.Open("public " + WaitSignature(waiter, lookup));
            w.Line($"return __WaitFor{waiter.Name}Async({variables}, options?.CallOptions, options, cancellationToken);");
            w.Close();
            w.Line();
            var poll = $"(await {status.MethodName}({string.Join(", ", status.Variables.Select(v => $"{v.Name}: {v.Name}").Append($"{EmittedMembers.CallOptions}: __calls").Append("cancellationToken: ct"))}).ConfigureAwait(false)).GetDataOrThrow()";
            w.Open($"private global::System.Threading.Tasks.Task<{Result(waiter, lookup)}> __WaitFor{waiter.Name}Async({WaitParameters(waiter)}, {RuntimeContract.ApiCallOptions}? __calls, {RuntimeContract.WaitOptions}? options, global::System.Threading.CancellationToken cancellationToken)");
            foreach (var variable in status.Variables) w.Line($"global::System.ArgumentNullException.ThrowIfNull({variable.Name});");
            w.Line($"return {RuntimeContract.Waiter}.WaitAsync({field}, async ct => {poll}, static r => {RuntimeContract.WaiterStatus}.Of({WaiterEmitter.Access("r", waiter.StatusPath)}), null, options, _core.Options.TimeProvider, cancellationToken);");
            w.Close();
            w.Line();

            // The handle's id is the id variable; the other variables travel in its arguments.
            var others = status.Variables.Where(v => v.Name != waiter.IdVariable).ToList();
            var arguments = others.Count == 0 ? string.Empty
                : " { Arguments = new global::System.Collections.Generic.Dictionary<string, string> { " + string.Join(", ", others.Select(v => $"[{Text.Literal(v.WireName)}] = {v.Name}")) + " } }";
            w.Line("/// <inheritdoc />");
            w.Open($"public {RuntimeContract.OperationHandle} Create{waiter.Name}Handle({WaitParameters(waiter)})");
            foreach (var variable in status.Variables) w.Line($"global::System.ArgumentNullException.ThrowIfNull({variable.Name});");
            w.Line($"return new({client}, {Text.Literal(waiter.Name)}, {waiter.IdVariable}, _core.Options.EffectiveBaseAddress, null){arguments};");
            w.Close();
            w.Line();
            var fromHandle = string.Join(", ", status.Variables.Select(v => v.Name == waiter.IdVariable ? "handle.Id" : $"handle.Argument({Text.Literal(v.WireName)})"));
            w.Line("/// <inheritdoc />");
            w.Open("public " + ResumeSignature(waiter, lookup));
            w.Line("global::System.ArgumentNullException.ThrowIfNull(handle);");
            w.Line($"handle.EnsureFor({client}, {Text.Literal(waiter.Name)}, _core.Options.EffectiveBaseAddress);");
            w.Line($"return __WaitFor{waiter.Name}Async({fromHandle}, {RuntimeContract.WaiterCalls}.ForResume(options, handle), options, cancellationToken);");
            w.Close();
            w.Line();

            if (waiter.Start is { } start)
            {
                var startArguments = string.Join(", ", GraphQlEmitter.Parameters(start, lookup).Select(p => $"{p.Name}: {p.Name}").Append("cancellationToken: cancellationToken"));
                var waitArguments = string.Join(", ", status.Variables.Select(v => v.Name == waiter.IdVariable ? "__id" : waiter.Carried.First(c => c.StatusVariable == v.Name).StartVariable));
                w.Line("/// <inheritdoc />");
                w.Open("public async " + StartSignature(waiter, start, lookup));
                w.Line($"var __started = (await {start.MethodName}({startArguments}).ConfigureAwait(false)).GetDataOrThrow();");
                w.Line($"var __id = {RuntimeContract.WaiterStatus}.Of({WaiterEmitter.Access("__started", waiter.StartIdPath)}) ?? throw new global::System.InvalidOperationException(\"{start.OperationName} returned no id to wait on.\");");
                w.Line($"var __calls = {RuntimeContract.WaiterCalls}.ForPolls({EmittedMembers.WaitOptions}, {EmittedMembers.CallOptions});");
                w.Line($"{EmittedMembers.WaitOptions}?.Started?.Invoke(Create{waiter.Name}Handle({waitArguments}));");
                w.Line($"return await __WaitFor{waiter.Name}Async({waitArguments}, __calls, {EmittedMembers.WaitOptions}, cancellationToken).ConfigureAwait(false);");
                w.Close();
                w.Line();
            }

            if (waiter.Download is { } download)
            {
                var link = $"async ct => {WaiterEmitter.Access($"(await {status.MethodName}({string.Join(", ", status.Variables.Select(v => $"{v.Name}: {v.Name}").Append($"{EmittedMembers.CallOptions}: {EmittedMembers.CallOptions}").Append("cancellationToken: ct"))}).ConfigureAwait(false)).GetDataOrThrow()", download.LinkPath)}";
                var expired = "new int[] { " + string.Join(", ", download.ExpiredStatuses.Select(s => s.ToString(CultureInfo.InvariantCulture))) + " }";
                w.Line("/// <inheritdoc />");
                w.Open("public " + DownloadSignature(waiter, download, "global::System.IO.Stream destination", string.Empty));
                w.Line($"return {RuntimeContract.PresignedDownload}.ToStreamAsync({Text.Literal(status.OperationName)}, {link}, {expired}, destination, cancellationToken);");
                w.Close();
                w.Line();
                w.Line("/// <inheritdoc />");
                w.Open("public " + DownloadSignature(waiter, download, "string path", "ToFile"));
                w.Line($"return {RuntimeContract.PresignedDownload}.ToFileAsync({Text.Literal(status.OperationName)}, {link}, {expired}, path, cancellationToken);");
                w.Close();
                w.Line();
            }
        }
    }

    // The wait's parameters: the status query's variables, each required (a wait without them has nothing to follow).
    private static string WaitParameters(GraphQlWaiterModel waiter) => string.Join(", ", waiter.Status.Variables.Select(v => $"string {v.Name}"));

    private static string Result(GraphQlWaiterModel waiter, ModelLookup lookup) => $"global::{lookup.Namespace}.{waiter.Status.ResultType}";

    private static string WaitSignature(GraphQlWaiterModel waiter, ModelLookup lookup) =>
        $"global::System.Threading.Tasks.Task<{Result(waiter, lookup)}> WaitFor{waiter.Name}Async({WaitParameters(waiter)}, {RuntimeContract.WaitOptions}? options = null, global::System.Threading.CancellationToken cancellationToken = default)";

    private static string ResumeSignature(GraphQlWaiterModel waiter, ModelLookup lookup) =>
        $"global::System.Threading.Tasks.Task<{Result(waiter, lookup)}> Resume{waiter.Name}Async({RuntimeContract.OperationHandle} handle, {RuntimeContract.WaitOptions}? options = null, global::System.Threading.CancellationToken cancellationToken = default)";

    private static string StartSignature(GraphQlWaiterModel waiter, GraphQlOperationModel start, ModelLookup lookup)
    {
        var parameters = GraphQlEmitter.Parameters(start, lookup).Select(p => p.Declaration)
            .Append($"{RuntimeContract.WaitOptions}? {EmittedMembers.WaitOptions} = null")
            .Append("global::System.Threading.CancellationToken cancellationToken = default");
        var name = start.MethodName.Substring(0, start.MethodName.Length - "Async".Length) + "AndWaitAsync";
        return $"global::System.Threading.Tasks.Task<{Result(waiter, lookup)}> {name}({string.Join(", ", parameters)})";
    }

    private static string DownloadSignature(GraphQlWaiterModel waiter, GraphQlDownloadModel download, string target, string suffix) =>
        $"global::System.Threading.Tasks.Task<long> Download{download.Name}{suffix}Async({WaitParameters(waiter)}, {target}, {RuntimeContract.ApiCallOptions}? {EmittedMembers.CallOptions} = null, global::System.Threading.CancellationToken cancellationToken = default)";

    private static void VariableDocs(SourceWriter w, GraphQlWaiterModel waiter)
    {
        foreach (var variable in waiter.Status.Variables)
        {
            Text.SpecDoc(w, "param", $"The {waiter.Status.OperationName} variable ${variable.WireName}" + (variable.Name == waiter.IdVariable ? ", which identifies the work." : "."), $" name=\"{variable.Name.TrimStart('@')}\"");
        }
    }

}
