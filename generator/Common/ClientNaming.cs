using System.Linq;
using ClientGen.Generator.Model;
using ClientGen.Generator.Naming;

namespace ClientGen.Generator.Common;

/// <summary>What both front ends derive from a spec's file and options before reading it: its namespace and file stem.</summary>
internal static class ClientNaming
{
    /// <summary><c>ClientGenNamespace</c> metadata, else the project's root namespace, as a valid C# namespace.</summary>
    public static string Namespace(SpecOptions options)
    {
        var raw = !string.IsNullOrWhiteSpace(options.Namespace) ? options.Namespace! : options.RootNamespace;
        var ns = string.Join(".", raw.Split('.').Select(Identifier.Sanitize).Where(p => p.Length > 0));
        return ns.Length == 0 ? "ClientGen.Generated" : ns;
    }

    /// <summary>The file name up to its first dot (<c>zuora-reporting.yaml</c> → <c>zuora-reporting</c>), whatever the separators.</summary>
    public static string FileStem(string path)
    {
        var name = SpecPath.Normalize(path);
        name = name.Substring(name.LastIndexOf('/') + 1);
        var dot = name.IndexOf('.');
        return dot > 0 ? name.Substring(0, dot) : name;
    }
}
