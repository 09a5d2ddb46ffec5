using System.Linq;
using ClientGen.Generator.Model;
using ClientGen.Generator.Naming;

namespace ClientGen.Generator.Emit;

/// <summary>
/// Emits <c>{Client}Responses</c>: for each operation, <c>{Operation}WithResponseAsync</c>, an extension method over the
/// client's interface that returns the response's status and headers beside the value. Extensions, not interface
/// members: an interface that grows with every operation would break every test double written against it.
/// </summary>
internal static class ResponseMethodEmitter
{
    public static void Emit(SourceWriter w, ClientLookup lookup)
    {
        var client = lookup.Model.Shape.ClientName;
        var contract = CompanionTypes.Interface(client);
        w.Line($"/// <summary>Each operation of <see cref=\"{contract}\"/> with the status and headers of its response (the echoed track id among them).</summary>");
        w.Line(Emitter.GeneratedCodeAttribute);
        w.Open($"public static partial class {CompanionTypes.ResponseMethods(client)}");
        foreach (var method in lookup.Model.ResponseMethods)
        {
            var operation = method.Operation;
            var value = operation.Success.Kind switch
            {
                ResponseKind.Json => lookup.Types.Name(operation.Success.Type!),
                ResponseKind.Text => "string",
                _ => null,
            };
            var result = value != null ? $"{RuntimeContract.ApiResult}<{value}>" : $"{RuntimeContract.ApiResponseInfo}?";
            var parameters = ClientEmitter.Parameters(operation, lookup);
            var declarations = parameters.Select(p => p.Declaration).Prepend($"this {contract} client").Append("global::System.Threading.CancellationToken cancellationToken = default");
            var arguments = parameters.Select(p => $"{p.Name}: {p.Name}").Append("cancellationToken: cancellationToken");

            Text.SpecDoc(w, "summary", $"Calls {operation.MethodName} and returns its value with the response's status and headers.");
            w.Line("/// <param name=\"client\">The client.</param>");
            ClientEmitter.ParamDocs(w, operation, requiredOnly: false);
            w.Line("/// <param name=\"cancellationToken\">Cancels the request.</param>");
            w.Line(value != null
                ? "/// <returns>The value, and the response it came in (null when no request was sent, as with a test double).</returns>"
                : "/// <returns>The response's status and headers (null when no request was sent, as with a test double).</returns>");
            if (operation.IsDeprecated) w.Line("[global::System.Obsolete(\"This operation is deprecated by the API.\")]");
            w.Open($"public static async global::System.Threading.Tasks.Task<{result}> {method.Name}({string.Join(", ", declarations)})");
            w.Line("global::System.ArgumentNullException.ThrowIfNull(client);");
            // The capture is local to this call's async flow: concurrent calls never see each other's responses.
            w.Line($"using var __call = {RuntimeContract.ApiCall}.Capture();");
            if (value != null)
            {
                w.Line($"var __value = await client.{operation.MethodName}({string.Join(", ", arguments)}).ConfigureAwait(false);");
                w.Line($"return new {RuntimeContract.ApiResult}<{value}>(__value, __call.Last);");
            }
            else
            {
                w.Line($"await client.{operation.MethodName}({string.Join(", ", arguments)}).ConfigureAwait(false);");
                w.Line("return __call.Last;");
            }
            w.Close();
            w.Line();
        }
        w.Close();
    }
}
