using System;
using System.Collections.Generic;
using System.Linq;
using ClientGen.Generator.Model;

namespace ClientGen.Generator.OpenApi.Schemas;

/// <summary>
/// Decides, at generation time, how a union's reader tells its members apart in one pass: by the JSON token first, then
/// per token by the cheapest reliable test. The rules, in the order a reader tries them:
/// <list type="bullet">
/// <item>a string: listed values (enums, consts), then date-times and UUIDs, then the first plain string member;</item>
/// <item>a number: listed values, then integers for integer members, then the first other number member;</item>
/// <item>an object: members with a <c>const</c> property or a discriminator, when those values are present; then members
/// with a property no other member declares, when one is present; then the others, those requiring more properties first;
/// a member is ruled out when a property it requires is missing, or when it forbids additional properties and one is
/// present; a map or free-form object takes what is left;</item>
/// <item>an array: by its first item's token, when the list members' items start differently; an empty array is the first.</item>
/// </list>
/// Two members that no rule tells apart are reported (<see cref="Ambiguities"/>); a value of either is read as the first
/// listed. A value no rule takes is kept as raw JSON.
/// </summary>
internal sealed class UnionPlanner
{
    private const int MaxProbes = 64;

    private readonly IReadOnlyList<UnionCandidate> _members;
    private readonly List<UnionRule> _rules = new();
    private readonly List<(string Name, string? Raw)> _probes = new();

    private UnionPlanner(IReadOnlyList<UnionCandidate> members) => _members = members;

    public List<(int First, int Second)> Ambiguities { get; } = new();

    public static UnionPlanner Plan(IReadOnlyList<UnionCandidate> members)
    {
        var planner = new UnionPlanner(members);
        planner.PlanScalars(UnionTokens.String, UnionToken.String, c => c.StringTest);
        planner.PlanScalars(UnionTokens.Number, UnionToken.Number, c => c.NumberTest);
        planner.PlanScalars(UnionTokens.Boolean, UnionToken.Boolean, _ => UnionTestKind.Always);
        planner.PlanObjects();
        planner.PlanArrays();
        planner.DropRedundantTests();
        return planner;
    }

    public UnionModel ToModel(EquatableArray<UnionMember> members) =>
        new(members, _probes.Select(p => new UnionProbe(p.Name, p.Raw)).ToEquatableArray(), _rules.ToEquatableArray());

    /// <summary>A test is pointless when, failing it, the value goes to the same member anyway.</summary>
    private void DropRedundantTests()
    {
        for (var r = _rules.Count - 1; r >= 0; r--)
        {
            var rule = _rules[r];
            if (rule.Test == UnionTestKind.Always) continue;
            var later = _rules.Skip(r + 1).Where(x => x.Token == rule.Token).ToList();
            var end = later.FindIndex(x => x.Test == UnionTestKind.Always);
            if (end >= 0 && later.Take(end + 1).All(x => x.Member == rule.Member)) _rules.RemoveAt(r);
        }
    }

    private List<int> Taking(UnionTokens token) =>
        Enumerable.Range(0, _members.Count).Where(i => (_members[i].Tokens & token) != 0).ToList();

    private void PlanScalars(UnionTokens tokens, UnionToken token, Func<UnionCandidate, UnionTestKind> testOf)
    {
        var taking = Taking(tokens);
        // Listed values first, then formats, then whatever takes any value of this token.
        foreach (var kind in new[] { UnionTestKind.StringIn, UnionTestKind.NumberIn, UnionTestKind.Integer, UnionTestKind.DateTime, UnionTestKind.Guid })
        {
            foreach (var i in taking.Where(i => _members[i].Tokens != UnionTokens.All && testOf(_members[i]) == kind))
            {
                _rules.Add(new UnionRule { Token = token, Member = i, Test = kind, Values = kind is UnionTestKind.StringIn or UnionTestKind.NumberIn ? _members[i].Values.ToEquatableArray() : EquatableArray<string>.Empty });
            }
        }
        var catchAll = taking.Where(i => testOf(_members[i]) == UnionTestKind.Always || _members[i].Tokens == UnionTokens.All).ToList();
        // A typed member before free-form JSON; two typed ones that take every value cannot be told apart.
        var typed = catchAll.Where(i => _members[i].Tokens != UnionTokens.All).ToList();
        for (var k = 1; k < typed.Count; k++) Ambiguities.Add((typed[0], typed[k]));
        var fallback = typed.Count > 0 ? typed[0] : catchAll.Count > 0 ? catchAll[0]
            // No member takes every value: an open enum keeps one it does not list.
            : taking.Where(i => _members[i].Type.Kind == TypeRefKind.Named && _members[i].Type.NamedKind == NamedKind.Enum).DefaultIfEmpty(-1).First();
        if (fallback >= 0) _rules.Add(new UnionRule { Token = token, Member = fallback, Test = UnionTestKind.Always });
    }

    private void PlanArrays()
    {
        var taking = Taking(UnionTokens.Array);
        if (taking.Count == 0) return;
        if (taking.Count > 1)
        {
            var claimed = UnionTokens.None;
            foreach (var i in taking)
            {
                var items = _members[i].ItemTokens & ~claimed;
                if (items == UnionTokens.None) Ambiguities.Add((taking.First(j => (_members[j].ItemTokens & _members[i].ItemTokens) != 0), i));
                else _rules.Add(new UnionRule { Token = UnionToken.Array, Member = i, Test = UnionTestKind.FirstItem, Values = Names(items).ToEquatableArray() });
                claimed |= _members[i].ItemTokens;
            }
        }
        _rules.Add(new UnionRule { Token = UnionToken.Array, Member = taking[0], Test = UnionTestKind.Always });
    }

    private void PlanObjects()
    {
        var taking = Taking(UnionTokens.Object);
        var records = taking.Where(i => _members[i].Object != null).ToList();
        var open = taking.Where(i => _members[i].Object == null).ToList();
        if (records.Count == 0)
        {
            if (open.Count > 0) _rules.Add(new UnionRule { Token = UnionToken.Object, Member = open[0], Test = UnionTestKind.Always });
            return;
        }
        if (records.Count == 1 && open.Count == 0)
        {
            _rules.Add(new UnionRule { Token = UnionToken.Object, Member = records[0], Test = UnionTestKind.Always });
            return;
        }

        var unique = records.ToDictionary(i => i, i => _members[i].Object!.Declared
            .Where(name => records.All(j => j == i || !_members[j].Object!.Declared.Contains(name))).ToList());
        Reserve(records, unique);

        // 1. A const or a discriminator names its member.
        foreach (var i in records)
        {
            var facts = _members[i].Object!;
            if (facts.Consts.Count == 0 && facts.Discriminator == null) continue;
            var required = Mask(facts.Required.Where(n => facts.Consts.All(c => c.Name != n)).Select(n => (n, (string?)null))) | Mask(facts.Consts.Select(c => (c.Name, (string?)c.Raw)));
            var anyOf = facts.Discriminator is { } d ? Mask(d.Values.Select(v => (d.Name, (string?)v))) : 0UL;
            if (facts.Discriminator is { Values.Count: 0 } bare) required |= Mask(new[] { (bare.Name, (string?)null) });
            // Its names did not fit the probe table: the member is left to the later rules.
            if (required == 0 && anyOf == 0) continue;
            _rules.Add(new UnionRule { Token = UnionToken.Object, Member = i, Test = UnionTestKind.Properties, Required = required, AnyOf = anyOf, None = Forbidden(i, records) });
        }

        // 2 and 3. A property only one member declares, then the required sets, the larger first.
        var rest = records.Where(i => _members[i].Object!.Discriminator == null && _members[i].Object!.Consts.All(c => !c.Required))
            .OrderByDescending(i => _members[i].Object!.Required.Count).ToList();
        foreach (var i in rest.Where(i => unique[i].Count > 0))
        {
            var anyOf = Mask(unique[i].Select(n => (n, (string?)null)));
            if (anyOf != 0) _rules.Add(new UnionRule { Token = UnionToken.Object, Member = i, Test = UnionTestKind.Properties, Required = RequiredMask(i), AnyOf = anyOf, None = Forbidden(i, records) | OptionalConsts(i) });
        }
        var takesAll = false;
        foreach (var i in rest)
        {
            var rule = new UnionRule { Token = UnionToken.Object, Member = i, Test = UnionTestKind.Properties, Required = RequiredMask(i), None = Forbidden(i, records) | OptionalConsts(i) };
            if (rule.Required == 0 && rule.None == 0) rule = rule with { Test = UnionTestKind.Always };
            _rules.Add(rule);
            if (rule.Test == UnionTestKind.Always)
            {
                takesAll = true;
                break;
            }
        }
        for (var a = 0; a < rest.Count; a++)
        {
            for (var b = a + 1; b < rest.Count; b++)
            {
                var first = Math.Min(rest[a], rest[b]);
                var second = Math.Max(rest[a], rest[b]);
                if (unique[first].Count == 0 && unique[second].Count == 0 && RequiredMask(first) == RequiredMask(second)
                    && Forbidden(first, records) == Forbidden(second, records) && OptionalConsts(first) == 0 && OptionalConsts(second) == 0)
                {
                    Ambiguities.Add((first, second));
                }
            }
        }
        if (!takesAll && open.Count > 0) _rules.Add(new UnionRule { Token = UnionToken.Object, Member = open[0], Test = UnionTestKind.Always });
    }

    /// <summary>Lays out the probe table, entries for one name side by side (the runtime's scan relies on it), most telling names first.</summary>
    private void Reserve(List<int> records, Dictionary<int, List<string>> unique)
    {
        var wanted = new List<(string Name, string? Raw)>();
        foreach (var i in records)
        {
            var facts = _members[i].Object!;
            foreach (var c in facts.Consts) wanted.Add((c.Name, c.Raw));
            if (facts.Discriminator is { } d)
            {
                wanted.Add((d.Name, null));
                foreach (var value in d.Values) wanted.Add((d.Name, value));
            }
        }
        foreach (var i in records) wanted.AddRange(_members[i].Object!.Required.Select(n => (n, (string?)null)));
        // Unique names take turns, so every member keeps some when there are more than the table holds; a required
        // one first, since it is always there when the value is that member.
        var queues = records.Select(i => new Queue<string>(unique[i].OrderBy(n => _members[i].Object!.Required.Contains(n) ? 0 : 1))).ToList();
        while (queues.Any(q => q.Count > 0))
        {
            foreach (var queue in queues.Where(q => q.Count > 0)) wanted.Add((queue.Dequeue(), null));
        }
        foreach (var i in records) wanted.AddRange(_members[i].Object!.Consts.Select(c => (c.Name, (string?)null)));
        var kept = wanted.Distinct().Take(MaxProbes).ToList();
        foreach (var name in kept.Select(e => e.Name).Distinct(StringComparer.Ordinal))
        {
            _probes.AddRange(kept.Where(e => e.Name == name));
        }
    }

    private ulong Mask(IEnumerable<(string Name, string? Raw)> entries)
    {
        ulong mask = 0;
        foreach (var entry in entries)
        {
            var index = _probes.IndexOf(entry);
            if (index >= 0) mask |= 1UL << index;
        }
        return mask;
    }

    private ulong RequiredMask(int member) => Mask(_members[member].Object!.Required.Select(n => (n, (string?)null)));

    /// <summary>A closed member is ruled out by a name only other members declare.</summary>
    private ulong Forbidden(int member, List<int> records)
    {
        var facts = _members[member].Object!;
        if (!facts.Closed) return 0;
        return Mask(records.Where(j => j != member).SelectMany(j => _members[j].Object!.Declared).Where(n => !facts.Declared.Contains(n)).Select(n => (n, (string?)null)));
    }

    /// <summary>An optional const that is present names its member by rule 1; present with another value, it rules the member out.</summary>
    private ulong OptionalConsts(int member) => Mask(_members[member].Object!.Consts.Where(c => !c.Required).Select(c => (c.Name, (string?)null)));

    private static IEnumerable<string> Names(UnionTokens tokens)
    {
        foreach (UnionToken token in Enum.GetValues(typeof(UnionToken)))
        {
            if ((tokens & (UnionTokens)(1 << (int)token)) != 0) yield return token.ToString();
        }
    }
}
