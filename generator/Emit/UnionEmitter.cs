using System.Collections.Generic;
using System.Linq;
using ClientGen.Generator.Model;
using ClientGen.Generator.Naming;

namespace ClientGen.Generator.Emit;

/// <summary>
/// Emits a union without a discriminator as a <c>readonly struct</c> holding one member's value (or the raw JSON of a
/// shape the spec does not list): <c>Is…</c>, <c>TryGet…</c>, <c>From…</c>, implicit conversions, <c>Match</c>,
/// <c>Switch</c> and value equality, read by the plan in <see cref="UnionModel.Rules"/>.
/// </summary>
internal static class UnionEmitter
{
    private const string TokenType = "global::System.Text.Json.JsonTokenType";
    private const string Union = RuntimeContract.JsonUnion;

    // _member: 0 is default (no value), 1..n the members in order, -1 raw JSON of an unknown shape.
    private const int Unknown = -1;

    public static void Emit(SourceWriter w, TypeModel type, ModelLookup lookup)
    {
        var union = type.Union!;
        var types = lookup.Types;
        var name = type.Name;
        var fullName = $"global::{lookup.Namespace}.{name}";
        var json = "global::System.Text.Json.JsonElement";

        var listing = string.Join(", ", union.Members.Select(m => $"<c>{Text.Xml(CSharpName(types, m.Type))}</c>"));
        Text.DocTag(w, "summary", type.Description is { } description ? Text.Xml(description) : $"One of: {listing}.");
        w.Line($"/// <remarks>The JSON tells the members apart as the spec allows (<c>Match</c>); a value of a shape the spec does not list is kept as raw JSON (<see cref=\"IsUnknown\"/>) and written back as it came.</remarks>");
        if (type.IsDeprecated) w.Line("[global::System.Obsolete(\"This schema is deprecated by the API.\")]");
        w.Line(Emitter.GeneratedCodeAttribute);
        w.Line($"[global::System.Text.Json.Serialization.JsonConverter(typeof({fullName}.{EmittedMembers.JsonConverter}))]");
        w.Open($"public readonly partial struct {name} : global::System.IEquatable<{fullName}>");
        w.Line("private readonly object? _value;");
        w.Line("private readonly int _member;");
        w.Line();
        w.Line($"private {name}(int member, object? value)");
        w.Line("{");
        w.Line("    _member = member;");
        w.Line("    _value = value;");
        w.Line("}");
        w.Line();

        for (var i = 0; i < union.Members.Count; i++) EmitMember(w, union.Members[i], i + 1, fullName, types);

        w.Line("/// <summary>True when the JSON was of a shape the spec does not list; <see cref=\"TryGetUnknown\"/> has it.</summary>");
        w.Line($"public bool IsUnknown => _member == {Unknown};");
        w.Line();
        w.Line("/// <summary>The raw JSON, when it was of a shape the spec does not list.</summary>");
        w.Line($"public bool TryGetUnknown(out {json} json)");
        w.Line("{");
        w.Line($"    json = _member == {Unknown} ? ({json})_value! : default;");
        w.Line($"    return _member == {Unknown};");
        w.Line("}");
        w.Line();
        w.Line("/// <summary>A value of a shape the spec does not list, sent as it is.</summary>");
        w.Line($"public static {fullName} FromUnknown({json} json) => new({Unknown}, json.Clone());");
        w.Line();
        w.Line("/// <summary>The member's value (boxed), the raw <c>JsonElement</c> of an unknown shape, or null for <c>default</c>: for <c>switch</c> on its type.</summary>");
        w.Line("public object? Value => _value;");
        w.Line();

        EmitMatch(w, union, name, types, json);
        EmitEquality(w, fullName);
        EmitRead(w, union, fullName, types);
        EmitWrite(w, union, fullName, types);
        EmitConverter(w, fullName);
        w.Close();
    }

    private static void EmitMember(SourceWriter w, UnionMember member, int index, string fullName, CSharpTypes types)
    {
        var typeName = types.Name(member.Type);
        var nullable = member.Type.IsValueType ? typeName : typeName + "?";
        var cref = Text.Xml(CSharpName(types, member.Type));
        w.Line($"/// <summary>True when this is a <c>{cref}</c>.</summary>");
        w.Line($"public bool Is{member.Name} => _member == {index};");
        w.Line();
        w.Line($"/// <summary>The value, when this is a <c>{cref}</c>.</summary>");
        var notNull = member.Type.IsValueType ? string.Empty : "[global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] ";
        w.Line($"public bool TryGet{member.Name}({notNull}out {nullable} value)");
        w.Line("{");
        w.Line($"    value = _member == {index} ? ({typeName})_value! : default;");
        w.Line($"    return _member == {index};");
        w.Line("}");
        w.Line();
        w.Line($"/// <summary>A <c>{cref}</c>.</summary>");
        var check = member.Type.IsValueType ? "value" : "value ?? throw new global::System.ArgumentNullException(nameof(value))";
        w.Line($"public static {fullName} From{member.Name}({typeName} value) => new({index}, {check});");
        w.Line();
        if (member.ConvertsImplicitly)
        {
            w.Line($"/// <summary>A <c>{cref}</c>.</summary>");
            w.Line($"public static implicit operator {fullName}({typeName} value) => From{member.Name}(value);");
            w.Line();
        }
    }

    private static void EmitMatch(SourceWriter w, UnionModel union, string name, CSharpTypes types, string json)
    {
        EmitDispatch(w, union, name, types, json, returns: true);
        EmitDispatch(w, union, name, types, json, returns: false);
    }

    /// <summary><c>Match</c> (a function per member, returning its result) or <c>Switch</c> (an action per member).</summary>
    private static void EmitDispatch(SourceWriter w, UnionModel union, string name, CSharpTypes types, string json, bool returns)
    {
        var members = union.Members;
        string Handler(UnionMember m) => "on" + m.Name;
        string Delegate(string type) => returns ? $"global::System.Func<{type}, TResult>" : $"global::System.Action<{type}>";
        var (call, done) = returns ? ("return ", string.Empty) : (string.Empty, " return;");
        w.Line(returns ? "/// <summary>The result of the function for what this holds.</summary>" : "/// <summary>Runs the action for what this holds.</summary>");
        w.Line($"/// <param name=\"onUnknown\">For JSON of a shape the spec does not list; without it such a value throws <see cref=\"System.InvalidOperationException\"/>.</param>");
        var parameters = members.Select(m => $"{Delegate(types.Name(m.Type))} {Handler(m)}").Append($"{Delegate(json)}? onUnknown = null");
        w.Open(returns ? $"public TResult Match<TResult>({string.Join(", ", parameters)})" : $"public void Switch({string.Join(", ", parameters)})");
        w.Open("switch (_member)");
        for (var i = 0; i < members.Count; i++) w.Line($"case {i + 1}: {call}{Handler(members[i])}(({types.Name(members[i].Type)})_value!);{done}");
        w.Line($"case {Unknown} when onUnknown != null: {call}onUnknown(({json})_value!);{done}");
        w.Line($"default: throw {Union}.Empty({Text.Literal(name)});");
        w.Close();
        w.Close();
        w.Line();
    }

    private static void EmitEquality(SourceWriter w, string fullName)
    {
        w.Line($$"""
            /// <inheritdoc />
            public bool Equals({{fullName}} other) => _member == other._member && {{Union}}.ValueEquals(_value, other._value);

            /// <inheritdoc />
            public override bool Equals(object? obj) => obj is {{fullName}} other && Equals(other);

            /// <inheritdoc />
            public override int GetHashCode() => global::System.HashCode.Combine(_member, {{Union}}.ValueHash(_value));

            /// <summary>Equal when both hold the same member with equal values.</summary>
            public static bool operator ==({{fullName}} left, {{fullName}} right) => left.Equals(right);

            /// <summary>Not equal.</summary>
            public static bool operator !=({{fullName}} left, {{fullName}} right) => !left.Equals(right);

            /// <summary>The value's text.</summary>
            public override string ToString() => _value?.ToString() ?? string.Empty;

            """);
    }

    private static void EmitRead(SourceWriter w, UnionModel union, string fullName, CSharpTypes types)
    {
        var probes = union.Probes;
        var needsProbe = union.Rules.Any(r => r.Test == UnionTestKind.Properties);
        if (needsProbe)
        {
            // Entries for one name are adjacent: JsonUnion.ProbeObject relies on it.
            w.Line($"private static readonly byte[][] s_probeNames = new byte[][] {{ {string.Join(", ", probes.Select(p => Text.Utf8Literal(p.JsonName) + ".ToArray()"))} }};");
            w.Line($"private static readonly byte[]?[] s_probeValues = new byte[]?[] {{ {string.Join(", ", probes.Select(p => p.RawValue == null ? "null" : Text.Utf8Literal(p.RawValue) + ".ToArray()"))} }};");
        }
        for (var r = 0; r < union.Rules.Count; r++)
        {
            var rule = union.Rules[r];
            if (rule.Test == UnionTestKind.StringIn) w.Line($"private static readonly byte[][] s_values{r} = new byte[][] {{ {string.Join(", ", rule.Values.Select(v => Text.Utf8Literal(v) + ".ToArray()"))} }};");
            if (rule.Test == UnionTestKind.NumberIn) w.Line($"private static readonly long[] s_values{r} = new long[] {{ {string.Join(", ", rule.Values)} }};");
        }
        w.Line();
        w.Line("/// <summary>Reads the member the JSON is, by the plan decided from the spec; any other shape is kept as raw JSON.</summary>");
        w.Open($"internal static {fullName} {EmittedMembers.ReadJson}(ref global::System.Text.Json.Utf8JsonReader reader)");
        w.Open("switch (reader.TokenType)");
        foreach (var token in new[] { UnionToken.String, UnionToken.Number, UnionToken.Boolean, UnionToken.Object, UnionToken.Array })
        {
            var rules = Enumerable.Range(0, union.Rules.Count).Where(r => union.Rules[r].Token == token).ToList();
            if (rules.Count == 0) continue;
            if (token == UnionToken.Boolean) w.Line($"case {TokenType}.True:");
            w.Open(token == UnionToken.Boolean ? $"case {TokenType}.False:" : $"case {TokenType}.{TokenName(token)}:");
            if (token == UnionToken.Object && rules.Any(r => union.Rules[r].Test == UnionTestKind.Properties)) w.Line($"var mask = {Union}.ProbeObject(reader, s_probeNames, s_probeValues);");
            if (token == UnionToken.Array && rules.Any(r => union.Rules[r].Test == UnionTestKind.FirstItem)) w.Line($"var first = {Union}.FirstItem(reader);");
            var fallsThrough = true;
            foreach (var r in rules)
            {
                var rule = union.Rules[r];
                var member = union.Members[rule.Member];
                var read = $"return new({rule.Member + 1}, {types.Read(member.Type, "reader")});";
                if (Condition(rule, r) is { } condition) w.Line($"if ({condition}) {read}");
                else
                {
                    w.Line(read);
                    fallsThrough = false;
                    break;
                }
            }
            if (fallsThrough) w.Line("break;");
            w.Close();
        }
        w.Close();
        w.Line($"return new({Unknown}, {RuntimeContract.JsonRuntime}.ReadAny(ref reader));");
        w.Close();
        w.Line();
    }

    private static string? Condition(UnionRule rule, int index) => rule.Test switch
    {
        UnionTestKind.StringIn or UnionTestKind.NumberIn => $"{Union}.{rule.Test}(ref reader, s_values{index})",
        UnionTestKind.Integer => $"{Union}.IsInteger(ref reader)",
        UnionTestKind.DateTime => $"{Union}.IsDateTime(ref reader)",
        UnionTestKind.Guid => $"{Union}.IsGuid(ref reader)",
        UnionTestKind.Properties => string.Join(" && ", MaskTests(rule)),
        UnionTestKind.FirstItem => "first is " + string.Join(" or ", rule.Values.Select(v => v == nameof(UnionToken.Boolean) ? $"{TokenType}.True or {TokenType}.False" : $"{TokenType}.{TokenName((UnionToken)System.Enum.Parse(typeof(UnionToken), v))}")),
        _ => null,
    };

    private static IEnumerable<string> MaskTests(UnionRule rule)
    {
        if (rule.Required != 0) yield return $"(mask & 0x{rule.Required:X}UL) == 0x{rule.Required:X}UL";
        if (rule.AnyOf != 0) yield return $"(mask & 0x{rule.AnyOf:X}UL) != 0";
        if (rule.None != 0) yield return $"(mask & 0x{rule.None:X}UL) == 0";
    }

    private static void EmitWrite(SourceWriter w, UnionModel union, string fullName, CSharpTypes types)
    {
        w.Line("/// <summary>Writes the member's value, the raw JSON of an unknown shape as it came, or null for <c>default</c>.</summary>");
        w.Open($"internal static void {EmittedMembers.WriteJson}(global::System.Text.Json.Utf8JsonWriter writer, {fullName} value)");
        w.Open("switch (value._member)");
        for (var i = 0; i < union.Members.Count; i++)
        {
            var member = union.Members[i];
            w.Line($"case {i + 1}: {{ {types.Write(member.Type, "writer", $"(({types.Name(member.Type)})value._value!)")} return; }}");
        }
        w.Line($"case {Unknown}: ((global::System.Text.Json.JsonElement)value._value!).WriteTo(writer); return;");
        w.Line("default: writer.WriteNullValue(); return;");
        w.Close();
        w.Close();
        w.Line();
    }

    private static void EmitConverter(SourceWriter w, string fullName)
    {
        w.Line($$"""
            /// <summary>Lets <c>System.Text.Json</c> use the generated reader and writer for this type.</summary>
            public sealed class {{EmittedMembers.JsonConverter}} : global::System.Text.Json.Serialization.JsonConverter<{{fullName}}>
            {
                /// <inheritdoc />
                public override {{fullName}} Read(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options) => {{EmittedMembers.ReadJson}}(ref reader);

                /// <inheritdoc />
                public override void Write(global::System.Text.Json.Utf8JsonWriter writer, {{fullName}} value, global::System.Text.Json.JsonSerializerOptions options) => {{EmittedMembers.WriteJson}}(writer, value);
            }
            """);
    }

    private static string TokenName(UnionToken token) => token switch
    {
        UnionToken.Object => "StartObject",
        UnionToken.Array => "StartArray",
        _ => token.ToString(),
    };

    /// <summary>A member's C# type without <c>global::</c>, for docs.</summary>
    private static string CSharpName(CSharpTypes types, TypeRef type) => types.Name(type).Replace("global::", string.Empty);
}
