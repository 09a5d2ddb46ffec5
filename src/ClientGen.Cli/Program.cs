using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using ClientGen.Cli;
using ClientGen.Generator.Emit;
using ClientGen.Generator.OpenApi;

var specs = new Argument<string[]>("spec") { Description = "OpenAPI documents (YAML or JSON).", Arity = ArgumentArity.OneOrMore };
var output = new Option<DirectoryInfo>("--out") { Description = "Directory to write the generated C# files to.", Required = true };
var ns = new Option<string?>("--namespace") { Description = "Namespace of the generated code (default: ClientGen.Generated)." };

var generate = new Command("generate", "Write the client the source generator would produce, for reading or committing.") { specs, output, ns };
generate.SetAction(parse => Run(parse.GetValue(specs)!, parse.GetValue(ns), parse.GetValue(output)));

var checkSpecs = new Argument<string[]>("spec") { Description = "OpenAPI documents (YAML or JSON).", Arity = ArgumentArity.OneOrMore };
var check = new Command("check", "Report the diagnostics for the given specs without writing code.") { checkSpecs };
check.SetAction(parse => Run(parse.GetValue(checkSpecs)!, null, null));

var root = new RootCommand("clientgen: typed C# clients from OpenAPI documents.") { generate, check };
return root.Parse(args).Invoke();

static int Run(string[] paths, string? ns, DirectoryInfo? output)
{
    var missing = paths.Where(p => !File.Exists(p)).ToList();
    foreach (var path in missing) Console.Error.WriteLine($"{path}: error CG0000: file not found");
    if (missing.Count > 0) return 1;

    var items = SpecLoader.Load(paths, ns);
    if (items.Length == 0)
    {
        Console.Error.WriteLine("No OpenAPI or Swagger document among the given files (a root document has an 'openapi' or 'swagger' version key).");
        return 1;
    }
    var failed = false;
    foreach (var item in items)
    {
        var result = OpenApiParser.Parse(item, CancellationToken.None);
        foreach (var diagnostic in result.Diagnostics) DiagnosticPrinter.Print(Console.Out, diagnostic);
        failed |= result.Diagnostics.Any(DiagnosticPrinter.IsError) || result.Model == null;
        if (output == null || result.Model == null) continue;
        Directory.CreateDirectory(output.FullName);
        foreach (var file in Emitter.Emit(result.Model)) File.WriteAllText(Path.Combine(output.FullName, file.HintName), file.Text);
        Console.WriteLine($"{item.Root.Path}: {result.Model.ClientName} ({result.Model.Operations.Count} operations, {result.Model.Types.Count} types) → {output.FullName}");
    }
    return failed ? 1 : 0;
}
