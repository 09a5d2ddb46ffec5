using System;
using System.Collections.Generic;
using System.Text;

namespace ClientGen.Generator.Naming;

/// <summary>Turns arbitrary spec names (<c>2fa</c>, <c>x-rate</c>, <c>page[size]</c>, <c>class</c>) into valid C# identifiers.</summary>
public static class Identifier
{
    private static readonly HashSet<string> s_keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while",
        // Contextual keywords that break code in some positions.
        "await", "async", "var", "dynamic", "value", "yield", "nameof", "record", "required", "init", "global", "file", "scoped",
    };

    /// <summary>PascalCase identifier for a type or member. Never empty, never starts with a digit.</summary>
    public static string Pascal(string? name, string fallback = "Value")
    {
        var words = SplitWords(name);
        if (words.Count == 0) return fallback;
        var sb = new StringBuilder();
        foreach (var word in words)
        {
            sb.Append(char.ToUpperInvariant(word[0]));
            // SHOUTING words (enum values like COMPLETED, acronyms like API) read as .NET names: Completed, Api.
            var rest = word.Substring(1);
            sb.Append(IsAllUpper(word) ? rest.ToLowerInvariant() : rest);
        }
        return FixStart(sb.ToString());
    }

    /// <summary>camelCase identifier for a parameter or local, escaped with <c>@</c> when it is a keyword.</summary>
    public static string Camel(string? name, string fallback = "value")
    {
        var pascal = Pascal(name, Pascal(fallback));
        var camel = pascal[0] == '_' ? pascal : char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
        return s_keywords.Contains(camel) ? "@" + camel : camel;
    }

    /// <summary>Keeps a name as written (a namespace segment), replacing what C# does not allow.</summary>
    public static string Sanitize(string name)
    {
        var sb = new StringBuilder();
        foreach (var c in name.Trim()) sb.Append(char.IsLetterOrDigit(c) || c == '_' ? c : '_');
        if (sb.Length == 0) return string.Empty;
        var result = FixStart(sb.ToString());
        return s_keywords.Contains(result) ? "@" + result : result;
    }

    public static bool IsKeyword(string name) => s_keywords.Contains(name);

    private static bool IsAllUpper(string word)
    {
        var letters = 0;
        foreach (var c in word)
        {
            if (char.IsLower(c)) return false;
            if (char.IsLetter(c)) letters++;
        }
        return letters > 1;
    }

    private static string FixStart(string identifier) => char.IsDigit(identifier[0]) ? "_" + identifier : identifier;

    /// <summary>
    /// Splits on anything that is not a letter or digit, and on lower→upper case changes, keeping
    /// the remaining casing (so <c>reportRunId</c> → report, Run, Id and <c>HTTPServer</c> stays one word).
    /// </summary>
    private static List<string> SplitWords(string? name)
    {
        var words = new List<string>();
        if (string.IsNullOrEmpty(name)) return words;
        var current = new StringBuilder();
        for (var i = 0; i < name!.Length; i++)
        {
            var c = name[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush();
                // Signs carry meaning in names such as "+1" and "-1"; keep them distinguishable.
                if (c == '+' && i + 1 < name.Length && char.IsDigit(name[i + 1])) current.Append("Plus");
                else if (c == '-' && i == 0 && name.Length > 1 && char.IsDigit(name[1])) current.Append("Minus");
                continue;
            }
            if (current.Length > 0 && char.IsUpper(c) && char.IsLower(current[current.Length - 1])) Flush();
            current.Append(c);
        }
        Flush();
        return words;

        void Flush()
        {
            if (current.Length > 0) words.Add(current.ToString());
            current.Clear();
        }
    }
}
