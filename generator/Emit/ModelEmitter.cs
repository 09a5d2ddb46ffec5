using System.Collections.Generic;
using System.Linq;
using ClientGen.Generator.Model;
using ClientGen.Generator.Naming;

namespace ClientGen.Generator.Emit;

/// <summary>Emits an object schema as a record with its own reflection-free JSON read and write code.</summary>
internal static class ModelEmitter
{
    private const string Reader = "global::System.Text.Json.Utf8JsonReader";
    private const string Writer = "global::System.Text.Json.Utf8JsonWriter";
    private const string Runtime = RuntimeContract.JsonRuntime;

    public static void Emit(SourceWriter w, TypeModel type, ModelLookup lookup)
    {
        var types = lookup.Types;
        var fullName = $"global::{lookup.Namespace}.{type.Name}";
        var hasBase = type.BaseType != null;
        var descendants = lookup.Descendants(type);
        var hide = hasBase ? "new " : string.Empty;

        Text.DocTag(w, "summary", type.Description is { } description ? Text.Xml(description) : $"The <c>{type.Name}</c> schema.");
        if (type.IsDeprecated) w.Line("[global::System.Obsolete(\"This schema is deprecated by the API.\")]");
        w.Line(Emitter.GeneratedCodeAttribute);
        w.Line($"[global::System.Text.Json.Serialization.JsonConverter(typeof({fullName}.{EmittedMembers.JsonConverter}))]");
        var modifiers = descendants.Count == 0 ? "sealed " : string.Empty;
        var baseClause = hasBase ? $" : global::{lookup.Namespace}.{type.BaseType}" : string.Empty;
        w.Open($"public {modifiers}partial record {type.Name}{baseClause}");

        foreach (var property in type.Properties)
        {
            Text.Summary(w, property.Description);
            // A required member cannot be [Obsolete] (CS9042): callers could not avoid the warning, so its summary says it instead.
            if (property.IsDeprecated && !property.IsRequired) w.Line("[global::System.Obsolete(\"This property is deprecated by the API.\")]");
            var required = property.IsRequired ? "required " : string.Empty;
            if (property.KeepsNull)
            {
                // Setting the property, to null too, is what gets it written; the fields are the generated reader's and writer's.
                w.Line($"public {PropertyType(property, types)} {property.Name} {{ get => {ValueField(property)}; init {{ {ValueField(property)} = value; {SetField(property)} = true; }} }}");
                w.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
                w.Line($"internal {PropertyType(property, types)} {ValueField(property)};");
                w.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
                w.Line($"internal bool {SetField(property)};");
                w.Line();
                continue;
            }
            var initializer = property.DiscriminatorDefault is { } start ? $" = {DiscriminatorFallback(property.Type, start, types)};" : string.Empty;
            w.Line($"public {required}{PropertyType(property, types)} {property.Name} {{ get; init; }}{initializer}");
            w.Line();
        }

        // An inherited discriminator that is never null starts as this type's own value.
        if (type.DiscriminatorValue != null && type.AllProperties.Except(type.Properties).FirstOrDefault(p => p.DiscriminatorDefault != null && p.JsonName == lookup.DiscriminatorFor(type)?.PropertyJsonName) is { } inherited)
        {
            w.Line($"/// <summary>Creates a <c>{type.Name}</c>, its <c>{Text.Xml(inherited.JsonName)}</c> set to <c>{Text.Xml(type.DiscriminatorValue)}</c>.</summary>");
            w.Line($"public {type.Name}() => {inherited.Name} = {DiscriminatorFallback(inherited.Type, type.DiscriminatorValue, types)};");
            w.Line();
        }

        if (!hasBase)
        {
            var apType = lookup.AdditionalPropertiesType(type);
            w.Line("/// <summary>Properties the spec does not declare, kept so that nothing the server sends is lost on a round trip.</summary>");
            w.Line($"public global::System.Collections.Generic.IReadOnlyDictionary<string, {types.Name(apType)}>? {EmittedMembers.AdditionalProperties} {{ get; init; }}");
            w.Line();
        }

        EmitRead(w, type, lookup, descendants, hide, fullName);
        EmitWrite(w, type, lookup, descendants, hide, fullName);
        EmitConverter(w, fullName, hide);
        w.Close();
    }

    private static void EmitRead(SourceWriter w, TypeModel type, ModelLookup lookup, List<TypeModel> descendants, string hide, string fullName)
    {
        var types = lookup.Types;
        var discriminator = lookup.DiscriminatorFor(type);
        w.Line("/// <summary>Reads this type, or the derived type its discriminator names, from a reader positioned on the value.</summary>");
        w.Open($"internal static {hide}{fullName} {EmittedMembers.ReadJson}(ref {Reader} reader)");
        if (type.AcceptsEncodedJson)
        {
            // Some servers send this value as a JSON string containing the object (GraphQL JSON scalars).
            w.Line($"if (reader.TokenType == global::System.Text.Json.JsonTokenType.String) return {Runtime}.ReadEncoded(ref reader, {EmittedMembers.ReadJsonCore});");
        }
        var dispatched = discriminator == null ? new List<DiscriminatorCase>()
            : (type.Discriminator?.Cases ?? discriminator.Cases).Where(c => descendants.Any(d => d.Name == c.TypeName)).ToList();
        if (discriminator != null && dispatched.Count > 0)
        {
            w.Open($"switch ({Runtime}.PeekDiscriminator(reader, {Text.Utf8Literal(discriminator.PropertyJsonName)}))");
            foreach (var item in dispatched)
            {
                w.Line($"case {Text.Literal(item.Value)}: return global::{lookup.Namespace}.{item.TypeName}.{EmittedMembers.ReadJsonCore}(ref reader);");
            }
            w.Close();
        }
        w.Line($"return {EmittedMembers.ReadJsonCore}(ref reader);");
        w.Close();
        w.Line();

        var properties = type.AllProperties;
        var apType = lookup.AdditionalPropertiesType(type);
        w.Open($"internal static {hide}{fullName} {EmittedMembers.ReadJsonCore}(ref {Reader} reader)");
        w.Line($"{Runtime}.ExpectStartObject(ref reader, {Text.Literal(type.Name)});");
        for (var i = 0; i < properties.Count; i++)
        {
            w.Line($"{(properties[i].IsTriState ? PropertyType(properties[i], types) : types.Name(properties[i].Type.AsNullable()))} p{i} = default;");
            if (properties[i].IsRequired || properties[i].KeepsNull) w.Line($"bool has{i} = false;");
        }
        w.Line($"global::System.Collections.Generic.Dictionary<string, {types.Name(apType)}>? additional = null;");
        w.Open("while (reader.Read() && reader.TokenType != global::System.Text.Json.JsonTokenType.EndObject)");
        for (var i = 0; i < properties.Count; i++)
        {
            var property = properties[i];
            w.Open($"{(i == 0 ? "if" : "else if")} (reader.ValueTextEquals({Text.Utf8Literal(property.JsonName)}))");
            w.Line("reader.Read();");
            var read = property.IsRequired && !property.Type.IsNullable
                ? types.Read(property.Type, "reader")
                : types.Read(property.Type.AsNullable(), "reader");
            // Constructed, not converted: C# applies no user-defined conversion from an interface (a list is IReadOnlyList<T>).
            w.Line(property.IsTriState ? $"p{i} = new {PropertyType(property, types)}({read});" : $"p{i} = {read};");
            if (property.IsRequired || property.KeepsNull) w.Line($"has{i} = true;");
            w.Close();
        }
        // A discriminator this type writes itself is not kept as an unknown property, or it would be written twice.
        var skipsDiscriminator = WritesDiscriminatorItself(type, discriminator);
        if (skipsDiscriminator)
        {
            w.Open($"{(properties.Count == 0 ? "if" : "else if")} (reader.ValueTextEquals({Text.Utf8Literal(discriminator!.PropertyJsonName)}))");
            w.Line("reader.Read();");
            w.Line("reader.Skip();");
            w.Close();
        }
        var branches = properties.Count + (skipsDiscriminator ? 1 : 0);
        // Anything undeclared is kept rather than skipped, so a newer server's fields survive a round trip.
        w.Open(branches == 0 ? "do" : "else");
        w.Line("var name = reader.GetString()!;");
        w.Line("reader.Read();");
        w.Line($"(additional ??= new global::System.Collections.Generic.Dictionary<string, {types.Name(apType)}>())[name] = {types.Read(apType, "reader")};");
        w.Close(branches == 0 ? " while (false);" : string.Empty);
        w.Close();

        for (var i = 0; i < properties.Count; i++)
        {
            if (properties[i].IsRequired) w.Line($"if (!has{i}) throw {Runtime}.MissingProperty({Text.Literal(type.Name)}, {Text.Literal(properties[i].JsonName)});");
        }
        var keepsNull = properties.Any(p => p.KeepsNull);
        w.Open(keepsNull ? $"var result = new {fullName}" : $"return new {fullName}");
        for (var i = 0; i < properties.Count; i++)
        {
            var property = properties[i];
            if (property.KeepsNull) continue;
            var value = property.DiscriminatorDefault != null
                ? $"p{i} ?? {DiscriminatorFallback(property.Type, type.DiscriminatorValue ?? property.DiscriminatorDefault, types)}"
                : property.IsRequired && !property.Type.IsNullable && property.Type.IsValueType ? $"p{i}.GetValueOrDefault()" : property.IsRequired && !property.Type.IsNullable ? $"p{i}!" : $"p{i}";
            w.Line($"{property.Name} = {value},");
        }
        w.Line($"{EmittedMembers.AdditionalProperties} = additional,");
        w.Close(";");
        // Only a property the JSON had counts as set (to null too), so what was read is written back the same.
        for (var i = 0; i < properties.Count; i++)
        {
            if (properties[i].KeepsNull) w.Line($"if (has{i}) {{ result.{ValueField(properties[i])} = p{i}; result.{SetField(properties[i])} = true; }}");
        }
        if (keepsNull) w.Line("return result;");
        w.Close();
        w.Line();
    }

    private static void EmitWrite(SourceWriter w, TypeModel type, ModelLookup lookup, List<TypeModel> descendants, string hide, string fullName)
    {
        var types = lookup.Types;
        w.Line("/// <summary>Writes this value (or, for a derived type, that type's full shape) as JSON.</summary>");
        w.Open($"internal static void {EmittedMembers.WriteJson}({Writer} writer, {fullName} value)");
        if (descendants.Count > 0)
        {
            w.Open("switch (value)");
            var index = 0;
            foreach (var derived in descendants)
            {
                w.Line($"case global::{lookup.Namespace}.{derived.Name} d{index}: global::{lookup.Namespace}.{derived.Name}.{EmittedMembers.WriteJsonCore}(writer, d{index}); return;");
                index++;
            }
            w.Close();
        }
        var discriminator = lookup.DiscriminatorFor(type);
        var tagsOnlyAsBase = type.TagsOnlyAsBase && WritesDiscriminatorItself(type, discriminator);
        w.Line(tagsOnlyAsBase ? $"{EmittedMembers.WriteJsonCore}(writer, value, tagged: false);" : $"{EmittedMembers.WriteJsonCore}(writer, value);");
        w.Close();
        w.Line();

        var apType = lookup.AdditionalPropertiesType(type);
        w.Open($"internal static void {EmittedMembers.WriteJsonCore}({Writer} writer, {fullName} value{(tagsOnlyAsBase ? ", bool tagged = true" : "")})");
        w.Line("writer.WriteStartObject();");
        if (tagsOnlyAsBase)
        {
            w.Line($"if (tagged) writer.WriteString({Text.Utf8Literal(discriminator!.PropertyJsonName)}, {Text.Literal(type.DiscriminatorValue!)});");
        }
        else if (WritesDiscriminatorItself(type, discriminator))
        {
            w.Line($"writer.WriteString({Text.Utf8Literal(discriminator!.PropertyJsonName)}, {Text.Literal(type.DiscriminatorValue!)});");
        }
        foreach (var property in type.AllProperties)
        {
            var name = Text.Utf8Literal(property.JsonName);
            var access = "value." + property.Name;
            if (discriminator != null && type.DiscriminatorValue != null && property.JsonName == discriminator.PropertyJsonName && property.DiscriminatorDefault == null)
            {
                var fallback = DiscriminatorFallback(property.Type, type.DiscriminatorValue, types);
                if (fallback != null) access = $"({access} ?? {fallback})";
            }
            if (property.KeepsNull)
            {
                // Set: written, null included. Unset: omitted.
                w.Line($"if (value.{SetField(property)}) {{ writer.WritePropertyName({name}); {types.WriteNullable(property.Type.AsNullable(), "writer", access, 0, "v_" + property.Name)} }}");
            }
            else if (property.IsTriState)
            {
                // Unset: omitted. Null: written as null. Value: written.
                w.Line($"if ({access}.IsSet) {{ writer.WritePropertyName({name}); {types.WriteNullable(property.Type.AsNullable(), "writer", access + ".Value", 0, "v_" + property.Name)} }}");
            }
            else if (property.DiscriminatorDefault == string.Empty && type.DiscriminatorValue == null && !property.Type.IsNullable && EmptyDiscriminatorTest(property.Type, access) is { } isEmpty)
            {
                // A base read without its discriminator keeps it empty (no type of this hierarchy claims ""): it is not
                // written back as "", so a value read from a server that omits it round-trips unchanged. A derived type
                // always writes its own value.
                w.Line($"if (!({isEmpty})) {{ writer.WritePropertyName({name}); {types.WriteNullable(property.Type, "writer", access, 0, "v_" + property.Name)} }}");
            }
            else if (property.IsRequired)
            {
                w.Line($"writer.WritePropertyName({name});");
                w.Line(types.WriteNullable(property.Type, "writer", access, 0, "v_" + property.Name));
            }
            else
            {
                // Optional and unset: omitted, so the server applies its default.
                w.Line($"if ({access} is {{ }} v_{property.Name}) {{ writer.WritePropertyName({name}); {types.Write(property.Type.AsNullable(false), "writer", "v_" + property.Name)} }}");
            }
        }
        w.Open($"if (value.{EmittedMembers.AdditionalProperties} is {{ }} additional)");
        w.Open("foreach (var entry in additional)");
        w.Line("writer.WritePropertyName(entry.Key);");
        w.Line(types.WriteNullable(apType, "writer", "entry.Value", 0));
        w.Close();
        w.Close();
        w.Line("writer.WriteEndObject();");
        w.Close();
        w.Line();
    }

    /// <summary>A derived type whose discriminator is not a declared property writes its value as a literal.</summary>
    private static bool WritesDiscriminatorItself(TypeModel type, DiscriminatorModel? discriminator) =>
        discriminator != null && type.DiscriminatorValue != null && type.AllProperties.All(p => p.JsonName != discriminator.PropertyJsonName);

    // Identifiers from spec names never contain '_' after two leading ones, so these cannot collide with a property.
    private static string ValueField(PropertyModel property) => "__" + property.Name.TrimStart('@') + "_value";

    private static string SetField(PropertyModel property) => "__" + property.Name.TrimStart('@') + "_set";

    private static string PropertyType(PropertyModel property, CSharpTypes types) =>
        property.IsTriState ? $"{RuntimeContract.Optional}<{types.Name(property.Type.AsNullable())}>" : types.Name(property.Type);

    private static string? EmptyDiscriminatorTest(TypeRef type, string access) => type.Kind switch
    {
        TypeRefKind.String => $"{access}.Length == 0",
        TypeRefKind.Named when type.NamedKind == NamedKind.Enum => $"{access}.ToString().Length == 0",
        _ => null,
    };

    private static string? DiscriminatorFallback(TypeRef type, string value, CSharpTypes types) => type.Kind switch
    {
        TypeRefKind.String => Text.Literal(value),
        TypeRefKind.Named when type.NamedKind == NamedKind.Enum => $"new {types.NonNullName(type)}({Text.Literal(value)})",
        _ => null,
    };

    private static void EmitConverter(SourceWriter w, string fullName, string hide)
    {
        w.Line("/// <summary>Lets <c>System.Text.Json</c> use the generated reader and writer for this type.</summary>");
        w.Open($"public {hide}sealed class {EmittedMembers.JsonConverter} : global::System.Text.Json.Serialization.JsonConverter<{fullName}>");
        w.Line("/// <inheritdoc />");
        w.Line($"public override {fullName} Read(ref {Reader} reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options) => {EmittedMembers.ReadJson}(ref reader);");
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line($"public override void Write({Writer} writer, {fullName} value, global::System.Text.Json.JsonSerializerOptions options) => {EmittedMembers.WriteJson}(writer, value);");
        w.Close();
    }
}
