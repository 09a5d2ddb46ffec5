namespace ClientGen.Generator.Model;

/// <summary>
/// A union without a discriminator (<c>oneOf</c>/<c>anyOf</c>, a type array): its members, and the reading plan
/// decided at generation time. A reader looks at the JSON token once and, for an object, scans its property names once
/// (<see cref="Probes"/>), then takes the first <see cref="Rules"/> entry for that token whose test passes; with none,
/// the value is kept as raw JSON and written back as it came.
/// </summary>
public sealed record UnionModel(EquatableArray<UnionMember> Members, EquatableArray<UnionProbe> Probes, EquatableArray<UnionRule> Rules);

/// <summary>
/// One member: <see cref="Name"/> is the word in <c>Is{Name}</c>, <c>TryGet{Name}</c> and <c>From{Name}</c>.
/// <see cref="ConvertsImplicitly"/> is false for lists and maps: C# has no user-defined conversion from an interface.
/// </summary>
public sealed record UnionMember(string Name, TypeRef Type, bool ConvertsImplicitly);

/// <summary>
/// A property an object probe looks for: present, or (with <see cref="RawValue"/>) present with that value, written as
/// JSON (a string's text, or a number's or boolean's literal). Bit <c>i</c> of the probe's mask is entry <c>i</c>.
/// </summary>
public sealed record UnionProbe(string JsonName, string? RawValue);

/// <summary>The JSON token a rule applies to.</summary>
public enum UnionToken
{
    String,
    Number,
    Boolean,
    Object,
    Array,
}

/// <summary>What a rule checks before it picks its member.</summary>
public enum UnionTestKind
{
    /// <summary>Nothing: the member takes every value of this token.</summary>
    Always,
    /// <summary>A string that is one of <see cref="UnionRule.Values"/>.</summary>
    StringIn,
    /// <summary>A number that is one of <see cref="UnionRule.Values"/> (integer literals).</summary>
    NumberIn,
    /// <summary>A number without a fraction or exponent that fits 64 bits.</summary>
    Integer,
    /// <summary>A string that parses as an RFC 3339 date-time.</summary>
    DateTime,
    /// <summary>A string that parses as a UUID.</summary>
    Guid,
    /// <summary>An object whose probe mask has every <see cref="UnionRule.Required"/> bit, one of <see cref="UnionRule.AnyOf"/> (when any) and none of <see cref="UnionRule.None"/>.</summary>
    Properties,
    /// <summary>An array whose first item is one of <see cref="UnionRule.Values"/> (<see cref="UnionToken"/> names); an empty array passes no such test.</summary>
    FirstItem,
}

/// <summary>One step of the reading plan: for <see cref="Token"/>, when the test passes, the value is member <see cref="Member"/>.</summary>
public sealed record UnionRule
{
    public required UnionToken Token { get; init; }

    public required int Member { get; init; }

    public required UnionTestKind Test { get; init; }

    public EquatableArray<string> Values { get; init; } = EquatableArray<string>.Empty;

    public ulong Required { get; init; }

    public ulong AnyOf { get; init; }

    public ulong None { get; init; }
}
