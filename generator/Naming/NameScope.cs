using System;
using System.Collections.Generic;

namespace ClientGen.Generator.Naming;

/// <summary>Hands out unique identifiers within one scope (a namespace, a type's members, a method's parameters).</summary>
public sealed class NameScope
{
    private readonly HashSet<string> _used;

    public NameScope(IEnumerable<string>? reserved = null, bool ignoreCase = false)
    {
        _used = new HashSet<string>(ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        if (reserved != null) foreach (var name in reserved) _used.Add(name);
    }

    /// <summary>Returns <paramref name="candidate"/>, or the candidate with the lowest free numeric suffix.</summary>
    public string Claim(string candidate)
    {
        if (_used.Add(candidate)) return candidate;
        for (var i = 2; ; i++)
        {
            var next = candidate + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (_used.Add(next)) return next;
        }
    }

    public bool IsUsed(string name) => _used.Contains(name);
}
