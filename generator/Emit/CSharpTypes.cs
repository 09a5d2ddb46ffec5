using System;
using ClientGen.Generator.Model;
using ClientGen.Generator.Naming;

namespace ClientGen.Generator.Emit;

/// <summary>How each <see cref="TypeRef"/> is spelled in C#, read from a <c>Utf8JsonReader</c> and written to a <c>Utf8JsonWriter</c>.</summary>
internal sealed class CSharpTypes
{
    private const string Runtime = RuntimeContract.JsonRuntime;
    private const string Reader = "global::System.Text.Json.Utf8JsonReader";
    private const string TokenType = "global::System.Text.Json.JsonTokenType";

    private readonly string _namespace;

    public CSharpTypes(string ns) => _namespace = ns;

    public string Name(TypeRef type) => NonNullName(type) + (type.IsNullable ? "?" : string.Empty);

    public string NonNullName(TypeRef type) => type.Kind switch
    {
        TypeRefKind.String => "string",
        TypeRefKind.Int32 => "int",
        TypeRefKind.Int64 => "long",
        TypeRefKind.Float => "float",
        TypeRefKind.Double => "double",
        TypeRefKind.Decimal => "decimal",
        TypeRefKind.Boolean => "bool",
        TypeRefKind.DateTimeOffset or TypeRefKind.HttpDate or TypeRefKind.UnixTime => "global::System.DateTimeOffset",
        TypeRefKind.Duration => "global::System.TimeSpan",
        TypeRefKind.Date => "global::System.DateOnly",
        TypeRefKind.Guid => "global::System.Guid",
        TypeRefKind.Uri => "global::System.Uri",
        TypeRefKind.Bytes or TypeRefKind.Base64Url => "byte[]",
        TypeRefKind.Any => "global::System.Text.Json.JsonElement",
        TypeRefKind.Stream => "global::System.IO.Stream",
        TypeRefKind.File => RuntimeContract.FilePart,
        TypeRefKind.Array => $"global::System.Collections.Generic.IReadOnlyList<{Name(type.Element!)}>",
        TypeRefKind.Map => $"global::System.Collections.Generic.IReadOnlyDictionary<string, {Name(type.Element!)}>",
        TypeRefKind.Named => $"global::{_namespace}.{type.Name}",
        TypeRefKind.IdOr => $"{RuntimeContract.IdOr}<{NonNullName(type.Element!)}>",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>
    /// An expression reading a value of <paramref name="type"/> from the reader variable <paramref name="reader"/>,
    /// which is positioned on the value's first token. Null is accepted only when the type is nullable.
    /// </summary>
    public string Read(TypeRef type, string reader, int depth = 0)
    {
        var value = ReadNonNull(type, reader, depth);
        // Any JSON, null included, is a JsonElement: a present null stays distinct from an absent property.
        if (type.IsNullable && type.Kind == TypeRefKind.Any) return $"({Name(type)}){value}";
        return type.IsNullable ? $"{reader}.TokenType == {TokenType}.Null ? default({Name(type)}) : {value}" : value;
    }

    private string ReadNonNull(TypeRef type, string reader, int depth) => type.Kind switch
    {
        TypeRefKind.String => $"{Runtime}.ReadString(ref {reader})",
        TypeRefKind.Int32 => $"{Runtime}.ReadInt32(ref {reader})",
        TypeRefKind.Int64 => $"{Runtime}.ReadInt64(ref {reader})",
        TypeRefKind.Float => $"{Runtime}.ReadSingle(ref {reader})",
        TypeRefKind.Double => $"{Runtime}.ReadDouble(ref {reader})",
        TypeRefKind.Decimal => $"{Runtime}.ReadDecimal(ref {reader})",
        TypeRefKind.Boolean => $"{Runtime}.ReadBoolean(ref {reader})",
        TypeRefKind.DateTimeOffset => $"{Runtime}.ReadDateTimeOffset(ref {reader})",
        TypeRefKind.Date => $"{Runtime}.ReadDate(ref {reader})",
        TypeRefKind.Guid => $"{Runtime}.ReadGuid(ref {reader})",
        TypeRefKind.Uri => $"{Runtime}.ReadUri(ref {reader})",
        TypeRefKind.Bytes => $"{Runtime}.ReadBytes(ref {reader})",
        TypeRefKind.Base64Url => $"{RuntimeContract.WireEncodings}.ReadBase64Url(ref {reader})",
        TypeRefKind.Duration => $"{RuntimeContract.WireEncodings}.ReadDuration(ref {reader})",
        TypeRefKind.HttpDate => $"{RuntimeContract.WireEncodings}.ReadHttpDate(ref {reader})",
        TypeRefKind.UnixTime => $"{RuntimeContract.WireEncodings}.ReadUnixTime(ref {reader})",
        TypeRefKind.Any => $"{Runtime}.ReadAny(ref {reader})",
        TypeRefKind.Stream => $"{Runtime}.ReadStream(ref {reader})",
        TypeRefKind.File => $"{Runtime}.ReadFile(ref {reader})",
        TypeRefKind.Array => $"{Runtime}.ReadList(ref {reader}, {ReadLambda(type.Element!, depth + 1)})",
        TypeRefKind.Map => $"{Runtime}.ReadMap(ref {reader}, {ReadLambda(type.Element!, depth + 1)})",
        TypeRefKind.Named => $"{NonNullName(type)}.{EmittedMembers.ReadJson}(ref {reader})",
        TypeRefKind.IdOr => $"{Runtime}.ReadIdOr(ref {reader}, {ReadLambda(type.Element!.AsNullable(false), depth + 1)})",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public string ReadLambda(TypeRef type, int depth)
    {
        var r = "r" + depth;
        return $"static (ref {Reader} {r}) => {Read(type, r, depth)}";
    }

    /// <summary>A statement writing the non-null value <paramref name="value"/> of <paramref name="type"/> to <paramref name="writer"/>.</summary>
    public string Write(TypeRef type, string writer, string value, int depth = 0) => type.Kind switch
    {
        TypeRefKind.String => $"{writer}.WriteStringValue({value});",
        TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Float or TypeRefKind.Double or TypeRefKind.Decimal => $"{writer}.WriteNumberValue({value});",
        TypeRefKind.Boolean => $"{writer}.WriteBooleanValue({value});",
        TypeRefKind.DateTimeOffset or TypeRefKind.Guid => $"{writer}.WriteStringValue({value});",
        TypeRefKind.Date => $"{Runtime}.WriteDate({writer}, {value});",
        TypeRefKind.Uri => $"{writer}.WriteStringValue({value}.OriginalString);",
        TypeRefKind.Bytes => $"{writer}.WriteBase64StringValue({value});",
        TypeRefKind.Base64Url => $"{RuntimeContract.WireEncodings}.WriteBase64Url({writer}, {value});",
        TypeRefKind.Duration => $"{RuntimeContract.WireEncodings}.WriteDuration({writer}, {value});",
        TypeRefKind.HttpDate => $"{RuntimeContract.WireEncodings}.WriteHttpDate({writer}, {value});",
        TypeRefKind.UnixTime => $"{RuntimeContract.WireEncodings}.WriteUnixTime({writer}, {value});",
        TypeRefKind.Any => $"{value}.WriteTo({writer});",
        TypeRefKind.Stream => $"{Runtime}.WriteStream({writer}, {value});",
        TypeRefKind.File => $"{Runtime}.WriteFile({writer}, {value});",
        TypeRefKind.Array => $"{Runtime}.WriteList({writer}, {value}, {WriteLambda(type.Element!, depth + 1)});",
        TypeRefKind.Map => $"{Runtime}.WriteMap({writer}, {value}, {WriteLambda(type.Element!, depth + 1)});",
        TypeRefKind.Named => $"{NonNullName(type)}.{EmittedMembers.WriteJson}({writer}, {value});",
        TypeRefKind.IdOr => $"{Runtime}.WriteIdOr({writer}, {value}, {WriteLambda(type.Element!.AsNullable(false), depth + 1)});",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>A statement writing a possibly-null value: JSON null when it is null.</summary>
    /// <param name="variable">The pattern variable for the non-null value; unique per statement list, since a pattern variable in an <c>if</c> is scoped to the enclosing block.</param>
    public string WriteNullable(TypeRef type, string writer, string value, int depth, string? variable = null)
    {
        if (!type.IsNullable) return Write(type, writer, value, depth);
        var v = variable ?? "v" + depth;
        return $"if ({value} is {{ }} {v}) {{ {Write(type, writer, v, depth)} }} else {{ {writer}.WriteNullValue(); }}";
    }

    public string WriteLambda(TypeRef type, int depth)
    {
        var w = "w" + depth;
        var v = "x" + depth;
        return $"static (global::System.Text.Json.Utf8JsonWriter {w}, {Name(type)} {v}) => {{ {WriteNullable(type, w, v, depth)} }}";
    }
}
