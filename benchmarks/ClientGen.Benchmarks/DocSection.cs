namespace ClientGen.Benchmarks;

// Shared by both benchmark programs (linked into ClientGen.Runtime.Benchmarks).

/// <summary>A section of docs/performance.md that one run writes and the others keep, found by its markers.</summary>
internal static class DocSection
{
    public const string CompileBegin = "<!-- compile-benchmark:begin -->";
    public const string CompileEnd = "<!-- compile-benchmark:end -->";
    public const string RuntimeBegin = "<!-- runtime-benchmark:begin -->";
    public const string RuntimeEnd = "<!-- runtime-benchmark:end -->";

    public static string? Find(string text, string begin, string end)
    {
        var from = text.IndexOf(begin, StringComparison.Ordinal);
        var to = text.IndexOf(end, StringComparison.Ordinal);
        return from >= 0 && to > from ? text[from..(to + end.Length)] : null;
    }

    /// <summary>Replaces the section in place, or appends it the first time.</summary>
    public static void Replace(string path, string begin, string end, string section)
    {
        var text = File.Exists(path) ? File.ReadAllText(path) : string.Empty;
        var existing = Find(text, begin, end);
        text = existing is null ? text.TrimEnd() + Environment.NewLine + Environment.NewLine + section : text.Replace(existing, section.TrimEnd());
        File.WriteAllText(path, text);
    }
}
