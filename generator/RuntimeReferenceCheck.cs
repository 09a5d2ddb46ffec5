using System.Linq;
using System.Reflection;
using ClientGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace ClientGen.Generator;

/// <summary>
/// Whether the consumer can compile what we generate: generated code calls ClientGen.Runtime of the generator's own
/// version. Without it the user would see a CS0246/CS0400 for every generated file; with this, one CG0006 or CG0007.
/// </summary>
internal static class RuntimeReferenceCheck
{
    /// <summary>Major.minor.patch of this generator: the AssemblyVersion both assemblies get from the one Version property.</summary>
    public static readonly string GeneratorVersion = typeof(RuntimeReferenceCheck).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>The package version to name in a message: the informational version without its "+commit" suffix.</summary>
    public static readonly string PackageVersion = PackageVersionOf(typeof(RuntimeReferenceCheck).Assembly) ?? GeneratorVersion;

    public static RuntimeReference Find(Compilation compilation)
    {
        var runtime = compilation.ReferencedAssemblyNames.FirstOrDefault(identity => identity.Name == Emit.RuntimeContract.AssemblyName);
        return new RuntimeReference(runtime?.Version.ToString(3));
    }

    public static bool IsUsable(RuntimeReference runtime) => runtime.Version == GeneratorVersion;

    /// <summary>The one diagnostic for the whole project, at the first spec (in path order, so it does not move between runs).</summary>
    public static DiagnosticInfo? Problem(RuntimeReference runtime, string? firstSpecPath)
    {
        if (firstSpecPath is null || IsUsable(runtime)) return null;
        var location = LocationInfo.FileStart(firstSpecPath);
        var name = System.IO.Path.GetFileName(firstSpecPath);
        return runtime.Version is null
            ? DiagnosticInfo.Create(DiagnosticDescriptors.RuntimeMissing, location, name, PackageVersion)
            : DiagnosticInfo.Create(DiagnosticDescriptors.RuntimeVersionMismatch, location, name, runtime.Version, PackageVersion);
    }

    private static string? PackageVersionOf(Assembly assembly)
    {
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrEmpty(informational)) return null;
        var plus = informational!.IndexOf('+');
        return plus < 0 ? informational : informational.Substring(0, plus);
    }
}
