using System.Collections.Generic;
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
        foreach (var type in types)
        {
            var fullName = $"global::{ns}.{type.Name}";
            w.Line($"if (type == typeof({fullName})) return {Metadata}.JsonMetadataServices.CreateValueInfo<{fullName}>(options, new {fullName}.{EmittedMembers.JsonConverter}());");
            if (type.Kind is TypeModelKind.Enum or TypeModelKind.Union)
            {
                // Open enums and unions are structs: T? needs its own metadata, built over T's.
                w.Line($"if (type == typeof({fullName}?)) return {Metadata}.JsonMetadataServices.CreateValueInfo<{fullName}?>(options, {Metadata}.JsonMetadataServices.GetNullableConverter(({Metadata}.JsonTypeInfo<{fullName}>)options.GetTypeInfo(typeof({fullName}))));");
            }
            w.Line($"if (type == typeof(global::System.Collections.Generic.List<{fullName}>)) return {Metadata}.JsonMetadataServices.CreateListInfo<global::System.Collections.Generic.List<{fullName}>, {fullName}>(options, new() {{ ObjectCreator = static () => new global::System.Collections.Generic.List<{fullName}>() }});");
            w.Line($"if (type == typeof({fullName}[])) return {Metadata}.JsonMetadataServices.CreateArrayInfo<{fullName}>(options, new());");
        }
        w.Line("return null;");
        w.Close();
        w.Close();
    }
}
