using System.Collections.Generic;
using System.Linq;
using ClientGen.Generator.Model;
using ClientGen.Generator.Naming;

namespace ClientGen.Generator.Emit;

/// <summary>Emits a GraphQL client: interface, class with one method per operation, options, and the result/enum/input types.</summary>
public static class GraphQlEmitter
{
    public static List<GeneratedFile> Emit(GraphQlClientModel model)
    {
        // The type emitters are shared: a GraphQL result record is a record with generated JSON code like any other.
        var shape = model.Shape;
        var lookup = new ModelLookup(shape.Namespace, model.Types);
        var files = new List<GeneratedFile>
        {
            Emitter.File(shape.Namespace, shape.ClientName, w => EmitClient(w, model, lookup)),
            Emitter.File(shape.Namespace, CompanionTypes.Interface(shape.ClientName), w => EmitInterface(w, model, lookup)),
        };
        files.AddRange(Emitter.SharedFiles(shape, lookup));
        return files;
    }

    private static string Signature(GraphQlOperationModel operation, ModelLookup lookup) =>
        $"global::System.Threading.Tasks.Task<{RuntimeContract.GraphQlResponse}<global::{lookup.Namespace}.{operation.ResultType}>> {operation.MethodName}({string.Join(", ", Parameters(operation, lookup).Select(p => p.Declaration).Append("global::System.Threading.CancellationToken cancellationToken = default"))})";

    /// <summary>The method's parameters in order (required variables, optional ones, the call's options), without the cancellation token.</summary>
    internal static List<(string Declaration, string Name)> Parameters(GraphQlOperationModel operation, ModelLookup lookup) =>
        operation.Variables.Where(v => v.IsRequired).Select(v => ($"{lookup.Types.Name(v.Type)} {v.Name}", v.Name))
            .Concat(operation.Variables.Where(v => !v.IsRequired).Select(v => ($"{RuntimeContract.Optional}<{lookup.Types.Name(v.Type.AsNullable())}> {v.Name} = default", v.Name)))
            .Append(($"{RuntimeContract.ApiCallOptions}? {EmittedMembers.CallOptions} = null", EmittedMembers.CallOptions))
            .ToList();

    private static void Docs(SourceWriter w, GraphQlOperationModel operation)
    {
        Text.DocTag(w, "summary", $"Sends the GraphQL {operation.Kind} <c>{Text.Xml(operation.OperationName)}</c>.");
        VariableDocs(w, operation);
        w.Line("/// <param name=\"cancellationToken\">Cancels the call.</param>");
        w.Line("/// <returns>The data, the GraphQL errors, or both (partial data), with the HTTP status and headers.</returns>");
    }

    /// <summary>The <c>&lt;param&gt;</c> tags of an operation's variables and call options, in signature order.</summary>
    internal static void VariableDocs(SourceWriter w, GraphQlOperationModel operation)
    {
        foreach (var variable in operation.Variables.Where(v => v.IsRequired).Concat(operation.Variables.Where(v => !v.IsRequired)))
        {
            Text.SpecDoc(w, "param", $"The variable ${variable.WireName}" + (variable.IsRequired ? "." : "; left unset it is not sent (the server's default applies), null is sent as null."), $" name=\"{variable.Name.TrimStart('@')}\"");
        }
        w.Line($"/// <param name=\"{EmittedMembers.CallOptions}\">Headers, timeout or track id for this call only.</param>");
    }

    private static void EmitInterface(SourceWriter w, GraphQlClientModel model, ModelLookup lookup)
    {
        Text.SpecDoc(w, "summary", $"The GraphQL operations in {model.Folder}.");
        w.Line(Emitter.GeneratedCodeAttribute);
        w.Open($"public partial interface I{model.Shape.ClientName}");
        foreach (var operation in model.Operations)
        {
            Docs(w, operation);
            w.Line(Signature(operation, lookup) + ";");
            w.Line();
        }
        GraphQlWaiterEmitter.EmitInterfaceMembers(w, model, lookup);
        w.Close();
    }

    private static void EmitClient(SourceWriter w, GraphQlClientModel model, ModelLookup lookup)
    {
        var name = model.Shape.ClientName;
        Text.SpecDoc(w, "summary", $"Client for the GraphQL operations in {model.Folder}: each is sent as POST {{query, operationName, variables}} to the options' base address.");
        w.Line(Emitter.GeneratedCodeAttribute);
        w.Open($"public partial class {name} : I{name}");
        var index = 0;
        foreach (var operation in model.Operations)
        {
            // A query only reads, so the retry handler may repeat it; a mutation is never repeated once it reached the server.
            var safe = operation.Kind == "query" ? ", IsSafe = true" : string.Empty;
            w.Line($"private static readonly {RuntimeContract.ApiOperation} s_operation{index} = new({Text.Literal(operation.OperationName)}, \"POST\", \"\") {{ Security = new string[] {{ \"default\" }}{safe} }};");
            w.Line($"private const string Document{index} = {Text.Literal(operation.Document)};");
            index++;
        }
        w.Line();
        ClientEmitter.EmitConstructors(w, model.Shape.Namespace, name);
        w.Line();
        index = 0;
        foreach (var operation in model.Operations)
        {
            w.Line("/// <inheritdoc />");
            w.Open("public " + Signature(operation, lookup));
            w.Open($"return {RuntimeContract.GraphQlTransport}.SendAsync(_core, s_operation{index}, Document{index}, writer =>");
            w.Line("writer.WriteStartObject();");
            foreach (var variable in operation.Variables)
            {
                var wire = Text.Literal(variable.WireName);
                if (variable.IsRequired)
                {
                    w.Line($"writer.WritePropertyName({wire}); {lookup.Types.Write(variable.Type.AsNullable(false), "writer", variable.Name)}");
                    continue;
                }
                // Unset: not sent, so the variable's default applies. Null: sent as null. Value: sent.
                var local = "v_" + variable.Name.TrimStart('@');
                w.Line($"if ({variable.Name}.IsSet) {{ writer.WritePropertyName({wire}); if ({variable.Name}.Value is {{ }} {local}) {{ {lookup.Types.Write(variable.Type.AsNullable(false), "writer", local)} }} else {{ writer.WriteNullValue(); }} }}");
            }
            w.Line("writer.WriteEndObject();");
            w.Close($", global::{model.Shape.Namespace}.{operation.ResultType}.{EmittedMembers.ReadJson}, {EmittedMembers.CallOptions}, cancellationToken);");
            w.Close();
            w.Line();
            index++;
        }
        GraphQlWaiterEmitter.EmitClassMembers(w, model, lookup);
        w.Close();
    }
}
