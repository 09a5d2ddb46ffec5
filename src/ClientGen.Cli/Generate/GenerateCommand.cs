using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using ClientGen.Generator.Emit;
using ClientGen.Generator.GraphQl;
using ClientGen.Generator.Model;
using ClientGen.Generator.OpenApi;

namespace ClientGen.Cli.Generate;

/// <summary>
/// <c>clientgen generate</c> and <c>clientgen check</c>: the source generator's parse and emit steps run on files
/// from disk, so the written code is exactly what a project referencing the generator compiles.
/// </summary>
internal static class GenerateCommand
{
    /// <returns>0 when every spec generated without errors, 1 otherwise.</returns>
    public static int Run(IReadOnlyList<string> paths, string? ns, DirectoryInfo? output, TextWriter stdout, TextWriter stderr)
    {
        var missing = paths.Where(p => !File.Exists(p) && !Directory.Exists(p)).ToList();
        foreach (var path in missing) stderr.WriteLine($"{path}: error CG0000: file or folder not found");
        if (missing.Count > 0) return 1;

        var specs = SpecLoader.Load(paths.SelectMany(Expand), ns);
        if (specs.IsEmpty)
        {
            stderr.WriteLine("No OpenAPI, Swagger or GraphQL document among the given files (an OpenAPI root has an 'openapi' or 'swagger' key; GraphQL files end in .graphql or .graphqls).");
            return 1;
        }
        var failed = false;
        foreach (var item in specs.OpenApi)
        {
            var result = OpenApiParser.Parse(item, CancellationToken.None);
            failed |= Report(result.Diagnostics, result.Model == null, stdout);
            if (output != null && result.Model != null)
            {
                Write(output, Emitter.Emit(result.Model));
                stdout.WriteLine($"{item.Root.Path}: {result.Model.Shape.ClientName} ({result.Model.Operations.Count} operations, {result.Model.Types.Count} types) → {output.FullName}");
            }
        }
        foreach (var item in specs.GraphQl)
        {
            var result = GraphQlAnalyzer.Process(item, CancellationToken.None);
            failed |= Report(result.Diagnostics, result.Model == null, stdout);
            if (output != null && result.Model != null)
            {
                Write(output, GraphQlEmitter.Emit(result.Model));
                stdout.WriteLine($"{result.Folder}: {result.Model.Shape.ClientName} ({result.Model.Operations.Count} operations) → {output.FullName}");
            }
        }
        return failed ? 1 : 0;
    }

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

    private static bool Report(EquatableArray<DiagnosticInfo> diagnostics, bool noModel, TextWriter stdout)
    {
        foreach (var diagnostic in diagnostics) DiagnosticPrinter.Print(stdout, diagnostic);
        return noModel || diagnostics.Any(DiagnosticPrinter.IsError);
    }

    private static void Write(DirectoryInfo output, IEnumerable<GeneratedFile> files)
    {
        Directory.CreateDirectory(output.FullName);
        foreach (var file in files) File.WriteAllText(Path.Combine(output.FullName, file.HintName), file.Text);
    }
}
