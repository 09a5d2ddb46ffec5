using System.Collections.Generic;
using ClientGen.Generator.Model;
using ClientGen.Generator.Naming;

namespace ClientGen.Generator.Emit;

/// <summary>
/// Turns a <see cref="ClientModel"/> into source files: a pure function of the model, so it is
/// snapshot-tested directly and the generator caches its output whenever the model is unchanged.
/// </summary>
public static class Emitter
{
    /// <summary>Names this generator's real version, the one the ClientGen packages share (snapshots change with it).</summary>
    public static readonly string GeneratedCodeAttribute = $"[global::System.CodeDom.Compiler.GeneratedCode(\"ClientGen\", \"{RuntimeReferenceCheck.GeneratorVersion}\")]";

    public static List<GeneratedFile> Emit(ClientModel model)
    {
        var lookup = new ClientLookup(model);
        var files = new List<GeneratedFile>
        {
            File(model, model.ClientName, w => ClientEmitter.EmitClass(w, lookup)),
            File(model, CompanionTypes.Interface(model.ClientName), w => ClientEmitter.EmitInterface(w, lookup)),
            File(model, CompanionTypes.Options(model.ClientName), w => EnvironmentEmitter.EmitOptions(w, lookup)),
            File(model, CompanionTypes.Environments(model.ClientName), w => EnvironmentEmitter.EmitEnvironments(w, lookup)),
            ServiceRegistrationEmitter.File(model.Namespace, model.ClientName),
            JsonResolverEmitter.File(model.Namespace, model.ClientName, model.Types),
        };
        foreach (var type in model.Types)
        {
            files.Add(File(model, type.Name, w =>
            {
                if (type.Kind == TypeModelKind.Enum) EnumEmitter.Emit(w, type, lookup);
                else ModelEmitter.Emit(w, type, lookup);
            }));
        }
        return files;
    }

    private static GeneratedFile File(ClientModel model, string typeName, System.Action<SourceWriter> body) => File(model.Namespace, typeName, body);

    /// <summary>One generated file with the fixed header, for a type in <paramref name="ns"/>.</summary>
    public static GeneratedFile File(string ns, string typeName, System.Action<SourceWriter> body)
    {
        var w = new SourceWriter();
        w.Line(Text.HeaderComment);
        w.Line("#nullable enable");
        // Deprecated schemas are still used by the client that exposes them; doc gaps are the spec's.
        w.Line("#pragma warning disable CS0612, CS0618, CS1591");
        w.Line();
        w.Line($"namespace {ns};");
        w.Line();
        body(w);
        // Hint names are unique per client and type; the namespace keeps two specs in one project apart.
        return new GeneratedFile($"{ns}.{typeName}.g.cs", w.ToString());
    }
}
