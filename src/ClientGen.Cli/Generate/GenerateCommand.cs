using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using ClientGen.Generator;
using ClientGen.Generator.GraphQl;
using ClientGen.Generator.Model;
using ClientGen.Generator.OpenApi;

namespace ClientGen.Cli.Generate;

/// <summary>
/// <c>clientgen generate</c> and <c>clientgen check</c>: the source generator's steps (<see cref="GeneratorCore"/>) run
/// on files from disk, so the written code is exactly what a project referencing the generator compiles.
/// </summary>
internal static class GenerateCommand
{
    /// <returns>0 when every spec generated without errors, 1 otherwise.</returns>
    public static int Run(IReadOnlyList<string> paths, string? ns, DirectoryInfo? output, TextWriter stdout, TextWriter stderr)
    {
        var missing = paths.Where(p => !File.Exists(p) && !Directory.Exists(p)).ToList();
        foreach (var path in missing) stderr.WriteLine($"{path}: error CG0000: file or folder not found");
        if (missing.Count > 0) return 1;
        if (output is { Exists: false } && File.Exists(output.FullName))
        {
            stderr.WriteLine($"{output.FullName}: error CG0000: --out names a file; give a folder to write the generated files to");
            return 1;
        }

        var specs = SpecLoader.Load(paths.SelectMany(Expand), ns);
        if (specs.IsEmpty)
        {
            stderr.WriteLine("No OpenAPI, Swagger or GraphQL document among the given files (an OpenAPI root has an 'openapi' or 'swagger' key; GraphQL files end in .graphql or .graphqls).");
            return 1;
        }
        var failed = false;
        var problems = 0;
        foreach (var spec in GeneratorCore.Run(specs.Entries, CancellationToken.None))
        {
            failed |= Report(spec.Diagnostics, spec.Client == null, stdout, ref problems);
            if (output == null || spec.Client is not { } client) continue;
            Write(output, spec.Files);
            var counts = spec.Kind == GeneratedSpecKind.OpenApi ? $"{Count(spec.Operations, "operation")}, {Count(spec.Types, "type")}" : Count(spec.Operations, "operation");
            stdout.WriteLine($"{spec.Source}: {client.ClientName} ({counts}) in {client.Namespace} → {output.FullName}");
        }
        var checkedCount = specs.OpenApiCount + specs.GraphQlCount;
        var summary = $"{Count(checkedCount, "spec")} ({Count(specs.OpenApiCount, "OpenAPI document")}, {Count(specs.GraphQlCount, "GraphQL client")})";
        stdout.WriteLine(problems == 0 ? $"{summary}: no problems." : $"{summary}: {Count(problems, "diagnostic")}{(failed ? ", with errors" : string.Empty)}.");
        return failed ? 1 : 0;
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    /// <summary>
    /// A folder stands for the spec and GraphQL files below it, as a project's AdditionalFiles glob would: a GraphQL
    /// folder is one client (subfolders use the nearest schema above them), and a JSON/YAML file that is not a spec is ignored.
    /// </summary>
    private static IEnumerable<string> Expand(string path) =>
        Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                .Where(file => SpecDiscovery.HasSpecExtension(file) || GraphQlDiscovery.IsGraphQl(file))
                .OrderBy(file => file, System.StringComparer.Ordinal)
            : new[] { path };

    private static bool Report(IEnumerable<DiagnosticInfo> diagnostics, bool noModel, TextWriter stdout, ref int problems)
    {
        var list = diagnostics.ToList();
        foreach (var diagnostic in list) DiagnosticPrinter.Print(stdout, diagnostic);
        problems += list.Count;
        return noModel || list.Any(DiagnosticPrinter.IsError);
    }

    private static void Write(DirectoryInfo output, IEnumerable<GeneratedFile> files)
    {
        Directory.CreateDirectory(output.FullName);
        foreach (var file in files) File.WriteAllText(Path.Combine(output.FullName, file.HintName), file.Text);
    }
}
