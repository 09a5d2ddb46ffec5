using System.Collections.Generic;
using System.Linq;
using ClientGen.Generator.Model;
using ClientGen.Generator.Naming;

namespace ClientGen.Generator.Emit;

/// <summary>
/// Emits a client's <c>IJsonTypeInfoResolver</c>: System.Text.Json's own source generator cannot see our types
/// (SYSLIB1030, generators do not see each other's output), so under AOT <c>JsonSerializer</c> has no metadata for
/// them. This resolver hands it metadata built over the generated converters, with no reflection. Used by both front ends.
/// </summary>
internal static class JsonResolverEmitter
{
    private const string Metadata = "global::System.Text.Json.Serialization.Metadata";

    // One method per this many types: the compiler's cost per method grows faster than its length (Stripe's 5,539
    // types). A lookup walks the types in order, but System.Text.Json asks once per type and options and caches.
    private const int ChunkSize = 256;

    public static GeneratedFile File(string ns, string clientName, IReadOnlyList<TypeModel> types) =>
        Emitter.File(ns, CompanionTypes.JsonResolver(clientName), w => Emit(w, ns, clientName, types));

    private static void Emit(SourceWriter w, string ns, string clientName, IReadOnlyList<TypeModel> types)
    {
        var name = CompanionTypes.JsonResolver(clientName);
        w.Line($"/// <summary>");
        w.Line($"/// System.Text.Json metadata for every model and enum of <see cref=\"{clientName}\"/>, read and written by the");
        w.Line($"/// generated code (no reflection: trim- and AOT-safe). Add it to <c>JsonSerializerOptions.TypeInfoResolverChain</c>;");
        w.Line($"/// it also covers <c>List&lt;T&gt;</c> and arrays of these types, and nullable enums.");
        w.Line($"/// </summary>");
        w.Line(Emitter.GeneratedCodeAttribute);
        w.Open($"public sealed partial class {name} : {Metadata}.IJsonTypeInfoResolver");
        w.Line("/// <summary>The shared instance (the resolver holds no state).</summary>");
        w.Line($"public static {name} Default {{ get; }} = new();");
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Open($"public {Metadata}.JsonTypeInfo? GetTypeInfo(global::System.Type type, global::System.Text.Json.JsonSerializerOptions options)");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(type);");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(options);");
        var chunks = (types.Count + ChunkSize - 1) / ChunkSize;
        w.Line(chunks == 0 ? "return null;" : $"return {string.Join(" ?? ", Enumerable.Range(0, chunks).Select(i => $"Describe{i}(type, options)"))};");
        w.Close();
        for (var chunk = 0; chunk < chunks; chunk++)
        {
            w.Line();
            w.Open($"private static {Metadata}.JsonTypeInfo? Describe{chunk}(global::System.Type type, global::System.Text.Json.JsonSerializerOptions options)");
            w.Line($"{Metadata}.JsonTypeInfo? info;");
            foreach (var type in types.Skip(chunk * ChunkSize).Take(ChunkSize))
            {
                var fullName = $"global::{ns}.{type.Name}";
                // Open enums and unions are structs: their helper also answers for T?.
                var describe = type.Kind is TypeModelKind.Enum or TypeModelKind.Union ? "DescribeValue" : "Describe";
                w.Line($"if ((info = {RuntimeContract.JsonTypeInfos}.{describe}<{fullName}, {fullName}.{EmittedMembers.JsonConverter}>(type, options)) is not null) return info;");
            }
            w.Line("return null;");
            w.Close();
        }
        w.Close();
    }
}
