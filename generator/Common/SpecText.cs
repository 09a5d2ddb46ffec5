namespace ClientGen.Generator.Common;

/// <summary>Descriptions, titles and names as a spec writes them: blank means absent.</summary>
internal static class SpecText
{
    public static string? OrNull(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
}
