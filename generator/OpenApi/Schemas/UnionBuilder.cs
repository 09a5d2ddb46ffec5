using System.Collections.Generic;
using System.Linq;
using ClientGen.Generator.Model;
using ClientGen.Generator.Naming;

namespace ClientGen.Generator.OpenApi.Schemas;

/// <summary>
/// Fills in a declared union without a discriminator: maps each member (an inline member is named by its
/// <c>title</c>, else after the union and its position), merges members that are the same C# type, names each
/// member's accessors, and has <see cref="UnionPlanner"/> decide how a reader tells them apart, reporting the
/// pairs it cannot (CG1002).
/// </summary>
internal static class UnionBuilder
{
    /// <summary>Accessors are <c>Is…</c>, <c>TryGet…</c> and <c>From…</c>; these words would collide with the union's own members.</summary>
    private static readonly string[] s_reservedWords = { "Unknown", "Json" };

    public static UnionModel Build(DeclaredType type, SchemaMapper schemas, DiagnosticSink diagnostics)
    {
        var candidates = new List<UnionCandidate>();
        var words = new NameScope(s_reservedWords);
        var index = 0;
        foreach (var member in UnionShapes.Members(type.Schema, type.Pointer))
        {
            index++;
            var target = SchemaShapes.Unwrap(member.Schema, out _);
            var title = string.IsNullOrWhiteSpace(target.Title) ? null : Identifier.Pascal(target.Title, "Variant");
            var hint = title == null ? type.Name + "Variant" + index : schemas.IsTypeNameUsed(title) ? type.Name + title : title;
            var mapped = schemas.Map(member.Schema, hint, member.Pointer).AsNullable(false);
            if (candidates.FirstOrDefault(c => c.Type == mapped) is { } same)
            {
                Merge(same, UnionCandidate.Of(mapped, same.Word, target));
                continue;
            }
            // A member the spec writes inline is named by what it is, not by the type name made up for it.
            var inline = ReferenceEquals(target, member.Schema) && mapped.Kind == TypeRefKind.Named;
            var word = title ?? (inline ? InlineWord(mapped, target) : Word(mapped, null));
            candidates.Add(UnionCandidate.Of(mapped, words.Claim(word), target));
        }

        var planner = UnionPlanner.Plan(candidates);
        foreach (var (first, second) in planner.Ambiguities.Distinct())
        {
            diagnostics.Warn(DiagnosticDescriptors.UntaggedUnion, type.Pointer, type.Name, candidates[first].Word, candidates[second].Word);
        }
        var members = candidates.Select(c => new UnionMember(c.Word, c.Type, ConvertsImplicitly(c.Type))).ToEquatableArray();
        return planner.ToModel(members);
    }

    /// <summary>The same C# type twice (two string schemas, two uses of one record) is one member, taking what either took.</summary>
    private static void Merge(UnionCandidate kept, UnionCandidate other)
    {
        if (kept.StringTest == UnionTestKind.StringIn && other.StringTest == UnionTestKind.StringIn) kept.Values.AddRange(other.Values.Except(kept.Values));
        else if (kept.StringTest != other.StringTest) kept.StringTest = UnionTestKind.Always;
    }

    /// <summary>C# allows no user-defined conversion from an interface (lists, maps) or from <c>object</c>'s stand-in, <c>JsonElement</c>, which would hide the unknown case.</summary>
    private static bool ConvertsImplicitly(TypeRef type) =>
        type.Kind is not (TypeRefKind.Array or TypeRefKind.Map or TypeRefKind.Any);

    /// <summary>An inline record is an <c>Object</c>; an inline one-value enum is its value (<c>IsAuto</c>); another inline enum a <c>Value</c>.</summary>
    private static string InlineWord(TypeRef type, NJsonSchema.JsonSchema schema) => type.NamedKind switch
    {
        NamedKind.Enum when schema.Enumeration.Count(v => v != null) == 1 => Identifier.Pascal(System.Convert.ToString(schema.Enumeration.First(v => v != null), System.Globalization.CultureInfo.InvariantCulture), "Value"),
        NamedKind.Enum => "Value",
        NamedKind.Union => "Value",
        _ => "Object",
    };

    /// <summary>What a member is called in its accessors: the title the spec gives it, else its type.</summary>
    private static string Word(TypeRef type, string? title)
    {
        if (title != null) return title;
        return type.Kind switch
        {
            TypeRefKind.String => "String",
            TypeRefKind.Int32 or TypeRefKind.Int64 => "Integer",
            TypeRefKind.Float or TypeRefKind.Double or TypeRefKind.Decimal => "Number",
            TypeRefKind.Boolean => "Boolean",
            TypeRefKind.DateTimeOffset or TypeRefKind.HttpDate or TypeRefKind.UnixTime => "DateTime",
            TypeRefKind.Duration => "Duration",
            TypeRefKind.Date => "Date",
            TypeRefKind.Guid => "Guid",
            TypeRefKind.Uri => "Uri",
            TypeRefKind.Bytes or TypeRefKind.Base64Url => "Bytes",
            TypeRefKind.Stream => "Stream",
            TypeRefKind.File => "File",
            TypeRefKind.Any => "Object",
            TypeRefKind.Array => Word(type.Element!, null) + "List",
            TypeRefKind.Map => Word(type.Element!, null) + "Map",
            TypeRefKind.IdOr => Word(type.Element!, null),
            _ => type.Name ?? "Value",
        };
    }
}
