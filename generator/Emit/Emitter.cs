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
        var shape = model.Shape;
        var files = new List<GeneratedFile>
        {
            File(shape.Namespace, shape.ClientName, w => ClientEmitter.EmitClass(w, lookup)),
            File(shape.Namespace, CompanionTypes.Interface(shape.ClientName), w => ClientEmitter.EmitInterface(w, lookup)),
        };
        if (model.ResponseMethods.Count > 0) files.Add(File(shape.Namespace, CompanionTypes.ResponseMethods(shape.ClientName), w => ResponseMethodEmitter.Emit(w, lookup)));
        files.AddRange(SharedFiles(shape, lookup));
        return files;
    }

    /// <summary>What every client gets whichever front end read it: options, environments, DI registration, the JSON resolver and the spec's types.</summary>
    internal static IEnumerable<GeneratedFile> SharedFiles(ClientShape shape, ModelLookup lookup)
    {
        yield return File(shape.Namespace, CompanionTypes.Options(shape.ClientName), w => ClientShapeEmitter.EmitOptions(w, shape));
        yield return File(shape.Namespace, CompanionTypes.Environments(shape.ClientName), w => ClientShapeEmitter.EmitEnvironments(w, shape));
        yield return ServiceRegistrationEmitter.File(shape.Namespace, shape.ClientName);
        yield return JsonResolverEmitter.File(shape.Namespace, shape.ClientName, lookup.All);
        foreach (var type in lookup.All)
        {
            yield return File(shape.Namespace, type.Name, w =>
            {
                switch (type.Kind)
                {
                    case TypeModelKind.Enum:
                        EnumEmitter.Emit(w, type, lookup);
                        break;
                    case TypeModelKind.Union:
                        UnionEmitter.Emit(w, type, lookup);
                        break;
                    default:
                        ModelEmitter.Emit(w, type, lookup);
                        break;
                }
            });
        }
    }

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
