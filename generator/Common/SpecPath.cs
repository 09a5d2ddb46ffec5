namespace ClientGen.Generator.Common;

/// <summary>
/// Spec paths as keys: AdditionalFiles paths arrive with the OS's separators, $refs and folders are compared with '/',
/// so every path is normalized once the same way before it is compared or combined.
/// </summary>
public static class SpecPath
{
    public static string Normalize(string path) => path.Replace('\\', '/');
}
