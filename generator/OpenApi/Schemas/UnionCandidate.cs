using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ClientGen.Generator.Model;
using NJsonSchema;

namespace ClientGen.Generator.OpenApi.Schemas;

/// <summary>The JSON tokens a union member can start with.</summary>
[Flags]
internal enum UnionTokens
{
    None = 0,
    String = 1,
    Number = 2,
    Boolean = 4,
    Object = 8,
    Array = 16,
    All = String | Number | Boolean | Object | Array,
}

/// <summary>What an object member's schema says about the names a JSON object of it has.</summary>
internal sealed class ObjectFacts
{
    public List<string> Declared { get; } = new();
    public List<string> Required { get; } = new();
    /// <summary>A property with one possible value (<c>const</c>, a one-value enum), as JSON text, and whether it is required.</summary>
    public List<(string Name, string Raw, bool Required)> Consts { get; } = new();
    /// <summary><c>additionalProperties: false</c>: a name it does not declare rules it out.</summary>
    public bool Closed { get; set; }
    /// <summary>A discriminated member: its property and every value it maps.</summary>
    public (string Name, List<string> Values)? Discriminator { get; set; }
}

/// <summary>
/// One union member as the planner sees it: the tokens it starts with and, per token, what tells it from the others.
/// Computed once from the member's mapped type and its schema.
/// </summary>
internal sealed class UnionCandidate
{
    public UnionCandidate(TypeRef type, string word)
    {
        Type = type;
        Word = word;
    }

    public TypeRef Type { get; }
    public string Word { get; }
    public UnionTokens Tokens { get; set; }
    public UnionTestKind StringTest { get; set; } = UnionTestKind.Always;
    public UnionTestKind NumberTest { get; set; } = UnionTestKind.Always;
    public List<string> Values { get; } = new();
    /// <summary>Null for an object member that takes any names (a map, free-form JSON).</summary>
    public ObjectFacts? Object { get; set; }
    public UnionTokens ItemTokens { get; set; } = UnionTokens.All;

    public static UnionCandidate Of(TypeRef type, string word, JsonSchema schema)
    {
        var candidate = new UnionCandidate(type, word);
        switch (type.Kind)
        {
            case TypeRefKind.String when ConstText(schema) is { } constant:
                candidate.Tokens = UnionTokens.String;
                candidate.StringTest = UnionTestKind.StringIn;
                candidate.Values.Add(constant);
                break;
            case TypeRefKind.String or TypeRefKind.Uri or TypeRefKind.Bytes or TypeRefKind.Base64Url or TypeRefKind.Duration or TypeRefKind.HttpDate or TypeRefKind.Stream or TypeRefKind.File:
                candidate.Tokens = UnionTokens.String;
                break;
            case TypeRefKind.DateTimeOffset or TypeRefKind.Date:
                candidate.Tokens = UnionTokens.String;
                candidate.StringTest = UnionTestKind.DateTime;
                break;
            case TypeRefKind.Guid:
                candidate.Tokens = UnionTokens.String;
                candidate.StringTest = UnionTestKind.Guid;
                break;
            case TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.UnixTime:
                candidate.Tokens = UnionTokens.Number;
                candidate.NumberTest = UnionTestKind.Integer;
                break;
            case TypeRefKind.Float or TypeRefKind.Double or TypeRefKind.Decimal:
                candidate.Tokens = UnionTokens.Number;
                break;
            case TypeRefKind.Boolean:
                candidate.Tokens = UnionTokens.Boolean;
                break;
            case TypeRefKind.Array:
                candidate.Tokens = UnionTokens.Array;
                candidate.ItemTokens = TokensOf(type.Element!);
                break;
            case TypeRefKind.Map:
                candidate.Tokens = UnionTokens.Object;
                break;
            case TypeRefKind.Named when type.NamedKind == NamedKind.Enum:
                var values = schema.Enumeration.Where(v => v != null).ToList();
                var integer = values.All(v => v is long or int);
                candidate.Tokens = integer ? UnionTokens.Number : UnionTokens.String;
                if (integer) candidate.NumberTest = UnionTestKind.NumberIn;
                else candidate.StringTest = UnionTestKind.StringIn;
                candidate.Values.AddRange(values.Select(v => v is bool b ? (b ? "true" : "false") : Convert.ToString(v, CultureInfo.InvariantCulture) ?? string.Empty).Distinct());
                break;
            case TypeRefKind.Named when type.NamedKind == NamedKind.Object:
                candidate.Tokens = UnionTokens.Object;
                candidate.Object = FactsOf(schema);
                break;
            case TypeRefKind.Any:
                var declared = schema.Type & ~JsonObjectType.Null;
                candidate.Tokens = declared == JsonObjectType.Object ? UnionTokens.Object : declared == JsonObjectType.Array ? UnionTokens.Array : UnionTokens.All;
                break;
            default:
                candidate.Tokens = UnionTokens.All;
                break;
        }
        return candidate;
    }

    /// <summary>The tokens a value of <paramref name="type"/> starts with, for telling lists apart by their first item.</summary>
    public static UnionTokens TokensOf(TypeRef type) => type.Kind switch
    {
        TypeRefKind.String or TypeRefKind.Uri or TypeRefKind.Bytes or TypeRefKind.Base64Url or TypeRefKind.DateTimeOffset or TypeRefKind.Date or TypeRefKind.Guid or TypeRefKind.Duration or TypeRefKind.HttpDate => UnionTokens.String,
        TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.UnixTime or TypeRefKind.Float or TypeRefKind.Double or TypeRefKind.Decimal => UnionTokens.Number,
        TypeRefKind.Boolean => UnionTokens.Boolean,
        TypeRefKind.Array => UnionTokens.Array,
        TypeRefKind.Map => UnionTokens.Object,
        TypeRefKind.IdOr => UnionTokens.String | UnionTokens.Object,
        TypeRefKind.Named when type.NamedKind == NamedKind.Object => UnionTokens.Object,
        _ => UnionTokens.All,
    };

    private static ObjectFacts FactsOf(JsonSchema schema)
    {
        var facts = new ObjectFacts { Closed = !schema.AllowAdditionalProperties && schema.AdditionalPropertiesSchema == null };
        if (schema.DiscriminatorObject is { } discriminator && (schema.OneOf.Count > 0 || schema.AnyOf.Count > 0) && schema.Properties.Count == 0)
        {
            facts.Discriminator = (discriminator.PropertyName ?? string.Empty, discriminator.Mapping.Keys.ToList());
            facts.Closed = false;
            return facts;
        }
        var parts = SchemaShapes.Flatten(schema).ToList();
        var required = new HashSet<string>(parts.SelectMany(p => p.RequiredProperties), StringComparer.Ordinal);
        foreach (var part in parts)
        {
            foreach (var entry in part.Properties)
            {
                if (facts.Declared.Contains(entry.Key)) continue;
                facts.Declared.Add(entry.Key);
                var isRequired = entry.Value.IsRequired || required.Contains(entry.Key);
                if (isRequired) facts.Required.Add(entry.Key);
                if (ConstText(SchemaShapes.Unwrap(entry.Value, out _)) is { } raw) facts.Consts.Add((entry.Key, raw, isRequired));
            }
        }
        // An allOf part that allows more names opens the object.
        if (parts.Count > 1 && parts.Skip(1).Any(p => p.AllowAdditionalProperties)) facts.Closed = false;
        return facts;
    }

    /// <summary>The one value a schema allows, as JSON text (a string's text; a number's or boolean's literal): <c>const</c> or a one-value enum.</summary>
    private static string? ConstText(JsonSchema schema)
    {
        object? value = null;
        if (schema.ExtensionData != null && schema.ExtensionData.TryGetValue("const", out var constant) && constant != null) value = constant;
        else if (schema.Enumeration.Count == 1 && schema.Enumeration.First() != null) value = schema.Enumeration.First();
        return value switch
        {
            null => null,
            bool b => b ? "true" : "false",
            string s => s,
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => null,
        };
    }
}
