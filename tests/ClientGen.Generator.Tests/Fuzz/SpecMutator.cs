using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace ClientGen.Generator.Tests.Fuzz;

/// <summary>
/// Seeded mutations of a spec's text, each one of the ways a hand-edited or hostile file goes wrong. The same
/// seed gives the same mutation, so a failing case is reproduced by its name alone.
/// </summary>
internal static class SpecMutator
{
    public static readonly string[] Kinds =
    {
        "truncate", "delete-line", "indent", "duplicate-line", "dangling-ref", "tab", "unknown-type",
        "huge-number", "invalid-utf8", "deep-nesting", "alias-bomb", "null-value",
    };

    public static string Mutate(string text, string kind, int seed)
    {
        var random = new Random(seed);
        var lines = text.Replace("\r\n", "\n").Split('\n').ToList();
        int Line() => random.Next(Math.Max(1, lines.Count));
        switch (kind)
        {
            case "truncate":
                return text.Substring(0, random.Next(text.Length));
            case "delete-line":
                lines.RemoveAt(Line());
                break;
            case "indent":
                var indented = Line();
                lines[indented] = random.Next(2) == 0 ? new string(' ', random.Next(1, 4)) + lines[indented] : lines[indented].TrimStart();
                break;
            case "duplicate-line":
                var duplicated = Line();
                lines.Insert(duplicated, lines[duplicated]);
                break;
            case "dangling-ref":
                return ReplaceOne(text, new Regex("(#/components/schemas/|#/definitions/)[A-Za-z0-9_.-]+"), m => m.Groups[1].Value + "Missing" + seed, random);
            case "tab":
                var tabbed = Line();
                lines[tabbed] = "\t" + lines[tabbed];
                break;
            case "unknown-type":
                return ReplaceOne(text, new Regex("type: (string|integer|object|array|boolean|number)"), m => "type: " + m.Groups[1].Value.Substring(1) + "x", random);
            case "huge-number":
                var huge = new[] { "1e99999", "99999999999999999999999999999", "-1e300", "0.000000000000000000000000001" }[random.Next(4)];
                return ReplaceOne(text, new Regex(@"(?<=: )\d+(\.\d+)?\b"), _ => huge, random);
            case "invalid-utf8":
                // What a decoder makes of bytes that are not UTF-8: replacement characters, or a lone surrogate.
                var broken = Line();
                lines[broken] = lines[broken].Insert(random.Next(lines[broken].Length + 1), random.Next(2) == 0 ? "\uFFFD\uFFFD" : "\uD800");
                break;
            case "deep-nesting":
                var depth = random.Next(65, 5_000);
                lines.Add("x-deep: " + new string('[', depth) + new string(']', depth));
                break;
            case "alias-bomb":
                lines.Add("x-l0: &l0 [lol, lol]");
                for (var level = 1; level <= 12; level++) lines.Add($"x-l{level}: &l{level} [" + string.Join(", ", Enumerable.Repeat($"*l{level - 1}", 8)) + "]");
                break;
            case "null-value":
                return ReplaceOne(text, new Regex(@"(?m)^(\s*[A-Za-z$][\w$-]*:) \S.*$"), m => m.Groups[1].Value, random);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
        return string.Join("\n", lines);
    }

    private static string ReplaceOne(string text, Regex pattern, Func<Match, string> replacement, Random random)
    {
        var matches = pattern.Matches(text);
        if (matches.Count == 0) return text;
        var match = matches[random.Next(matches.Count)];
        return text.Substring(0, match.Index) + replacement(match) + text.Substring(match.Index + match.Length);
    }
}
