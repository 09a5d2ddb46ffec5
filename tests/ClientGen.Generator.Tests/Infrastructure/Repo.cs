using System;
using System.IO;

namespace ClientGen.Generator.Tests.Infrastructure;

/// <summary>Paths in the repository and the shared corpus beside it, found from the test binaries upwards.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine(new[] { Root }.Concat(parts));

    public static string CorpusRoot => System.IO.Path.GetFullPath(System.IO.Path.Combine(Root, "..", "shared", "corpus"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ClientGen.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("ClientGen.sln not found above " + AppContext.BaseDirectory);
    }

    private static string[] Concat(this string[] first, string[] second)
    {
        var all = new string[first.Length + second.Length];
        first.CopyTo(all, 0);
        second.CopyTo(all, first.Length);
        return all;
    }
}
