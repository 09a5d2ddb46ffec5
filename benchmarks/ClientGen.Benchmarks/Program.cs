using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using ClientGen.Benchmarks;

// Measures the generator on our vendor specs and the largest public specs; writes docs/performance.md.
// Usage: dotnet run -c Release --project benchmarks/ClientGen.Benchmarks [-- --runs N]
var runs = args.Length == 2 && args[0] == "--runs" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var repo = FindRepo();
var performanceDoc = Path.Combine(repo, "docs", "performance.md");
if (args.Length == 1 && args[0] == "--compile")
{
    // Usage: dotnet run -c Release --project benchmarks/ClientGen.Benchmarks -- --compile (about 20 minutes).
    var corpusRoot = Path.GetFullPath(Path.Combine(repo, "..", "shared", "corpus", "openapi"));
    var scratch = Path.Combine(Path.GetTempPath(), "clientgen-compile-benchmark");
    if (Directory.Exists(scratch)) Directory.Delete(scratch, recursive: true);
    Directory.CreateDirectory(scratch);
    var toolFolder = Path.Combine(repo, "benchmarks", "ClientGen.Benchmarks", "obj", "kiota-tool");
    var none = new Dictionary<string, string>();
    var compileRows = new List<CompileCost.Row>();
    var unmeasured = new List<string>();
    foreach (var (spec, file, filter) in new (string, string, (string Key, string Value)?)[]
    {
        ("Stripe", Path.Combine(corpusRoot, "stripe", "spec3.yaml"), ("ClientGenIncludePaths", "/v1/customers/**;/v1/invoices/**")),
        ("GitHub", Path.Combine(corpusRoot, "github", "api.github.com.json"), ("ClientGenIncludeTags", "repos;pulls")),
        ("Box", Path.Combine(corpusRoot, "box", "openapi.json"), null),
        ("Twilio", Path.Combine(corpusRoot, "twilio", "twilio_api_v2010.json"), null),
    })
    {
        var folder = (string name) => Path.Combine(scratch, spec + "-" + name);
        Console.Error.WriteLine($"{spec}: Kiota {PeerGenerators.KiotaVersion}…");
        double? kiotaSeconds = null;
        if (PeerGenerators.Kiota(file, folder("kiota"), toolFolder) is { } kiotaFailure) unmeasured.Add($"{spec}, Kiota: {kiotaFailure}");
        else
        {
            var kiota = CompilerProcess.Compile(folder("kiota"), CompileCost.KiotaReferences(), scratch);
            if (kiota.Errors == 0) kiotaSeconds = kiota.Seconds;
            compileRows.Add(new(spec, $"Kiota {PeerGenerators.KiotaVersion}", CompileCost.CountSources(folder("kiota")), kiota, null));
        }
        double? Ratio(CompilerProcess.Result r) => kiotaSeconds is { } k && r.Errors == 0 ? r.Seconds / k : null;

        Console.Error.WriteLine($"{spec}: NSwag 14.8…");
        try
        {
            PeerGenerators.NSwag(file, folder("nswag"));
            var nswag = CompilerProcess.Compile(folder("nswag"), CompilerProcess.FrameworkReferences(), scratch);
            compileRows.Add(new(spec, "NSwag 14.8 (System.Text.Json)", 1, nswag, Ratio(nswag)));
            if (nswag.Errors > 0) unmeasured.Add($"{spec}, NSwag: its output does not compile ({nswag.Errors:N0} errors; first: `{nswag.FirstError?.Replace(scratch + Path.DirectorySeparatorChar, "", StringComparison.Ordinal)}`)");
        }
        catch (Exception e)
        {
            unmeasured.Add($"{spec}, NSwag: {e.GetType().Name}: {e.Message.Split('\n')[0]}");
        }

        var variants = new List<(string Label, Dictionary<string, string> Metadata)> { ("ClientGen", none) };
        if (filter is { } f) variants.Add(($"ClientGen, `{f.Key}=\"{f.Value}\"`", new Dictionary<string, string> { [f.Key] = f.Value }));
        foreach (var (label, metadata) in variants)
        {
            Console.Error.WriteLine($"{spec}: {label}…");
            var ours = folder(metadata.Count == 0 ? "clientgen" : "clientgen-filtered");
            var files = CompileCost.WriteOurs(file, metadata, ours);
            var result = CompilerProcess.Compile(ours, CompileCost.OurReferences(), scratch);
            compileRows.Add(new(spec, label, files, result, Ratio(result)));
        }
    }
    // The issue's fifth spec: the corpus could not hold it (MANIFEST.md: the newest copy is over its 4 MiB limit).
    unmeasured.Add("Zuora Billing: not in `../shared/corpus`, whose collector dropped files of 4 MiB and more (see its MANIFEST.md)");
    var compileSection = new StringBuilder()
        .AppendLine(DocSection.CompileBegin)
        .AppendLine("## Compiling the generated code")
        .AppendLine()
        .AppendLine("<!-- Written by `dotnet run -c Release --project benchmarks/ClientGen.Benchmarks -- --compile`. Do not edit by hand. -->")
        .AppendLine()
        .AppendLine(string.Create(CultureInfo.InvariantCulture, $"The SDK's compiler (`csc.dll` of `dotnet --version`, a child process as `dotnet build` runs it without the shared compiler server; Release, warnings off) on each generator's output for the same spec, one run per row in one session; peak is the compiler's resident high-water mark. × Kiota is compile time over Kiota's for that spec. Machine: {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}."))
        .AppendLine()
        .AppendLine(CompileCost.Table(compileRows))
        .AppendLine()
        .AppendLine(unmeasured.Count == 0 ? "Every generator's output compiled." : "Not measured or not compiling:" + Environment.NewLine + string.Join(Environment.NewLine, unmeasured.Select(u => "- " + u)))
        .AppendLine(DocSection.CompileEnd)
        .ToString();
    Console.WriteLine(compileSection);
    DocSection.Replace(performanceDoc, DocSection.CompileBegin, DocSection.CompileEnd, compileSection);
    return;
}
var corpus = Path.GetFullPath(Path.Combine(repo, "..", "shared", "corpus", "openapi"));
var scenarios = new List<GeneratorScenario>
{
    new("Zuora Reporting (ours)", new[] { Path.Combine(repo, "specs", "zuora", "zuora-reporting.yaml") }),
    new("EnergyCAP (ours)", new[] { Path.Combine(repo, "specs", "energycap", "energycap-report-distribution.yaml") }),
    new("Zscaler UVM, GraphQL (ours)", new[] { Path.Combine(repo, "specs", "zscaler-uvm", "schema.graphql"), Path.Combine(repo, "specs", "zscaler-uvm", "operations.graphql") }),
    new("Stripe", new[] { Path.Combine(corpus, "stripe", "spec3.yaml") }),
    new("GitHub", new[] { Path.Combine(corpus, "github", "api.github.com.json") }),
    new("Kubernetes", new[] { Path.Combine(corpus, "kubernetes", "swagger.json") }),
    new("Box", new[] { Path.Combine(corpus, "box", "openapi.json") }),
    new("Twilio", new[] { Path.Combine(corpus, "twilio", "twilio_api_v2010.json") }),
};

var rows = new List<string>();
foreach (var scenario in scenarios)
{
    Console.Error.WriteLine($"measuring {scenario.Name}…");
    var cold = Measurement.Of(() => scenario.RunCold(), runs);
    var warm = Measurement.Of(scenario.RunAfterUnrelatedEdit(), runs);
    var parse = scenario.IsOpenApi ? Measurement.Of(scenario.ParseWithNSwag, runs) : null;
    var ratio = parse == null ? "n/a" : (cold.Median.TotalMilliseconds / parse.Median.TotalMilliseconds).ToString("F1", CultureInfo.InvariantCulture) + "×";
    rows.Add($"| {scenario.Name} | {scenario.Bytes / 1024:N0} KB | {cold.Milliseconds} | {cold.Megabytes} | {parse?.Milliseconds ?? "n/a"} | {parse?.Megabytes ?? "n/a"} | {ratio} | {warm.Milliseconds} | {warm.Megabytes} |");
}

// The IDE case of #18: one operation of Stripe edited, edit to regenerated output.
var stripe = scenarios.Single(s => s.Name == "Stripe");
Console.Error.WriteLine("measuring a one-operation edit in Stripe…");
var (editRun, reEmitted) = stripe.RunAfterOperationEdit(
    "<p>Retrieves the details of an account.</p>\n      operationId: GetAccount",
    "<p>Retrieves the details of one account.</p>\n      operationId: GetAccount");
var edit = Measurement.Of(editRun, runs);

var doc = new StringBuilder();
doc.AppendLine("# Generator cost");
doc.AppendLine();
doc.AppendLine("<!-- Written by benchmarks/ClientGen.Benchmarks: `dotnet run -c Release --project benchmarks/ClientGen.Benchmarks`. Do not edit by hand. -->");
doc.AppendLine();
doc.AppendLine("What a developer waits for: the generator driven by Roslyn's `CSharpGeneratorDriver`, as the compiler drives it.");
doc.AppendLine();
doc.AppendLine("- **Generate (cold)**: a new driver and compilation; discovery, NSwag load, model, emit. What a build or opening the project pays.");
doc.AppendLine("- **NSwag parse**: `OpenApiDocument.FromJsonAsync`/`OpenApiYamlDocument.FromYamlAsync` alone, the floor for a generator built on NSwag.");
doc.AppendLine("  The ratio is cold generation over that floor.");
doc.AppendLine("- **After unrelated edit**: the same driver run again after a C# file changed; every step is cached, so this is what each keystroke pays.");
doc.AppendLine();
doc.AppendLine(string.Create(CultureInfo.InvariantCulture,
    $"Median of {runs} runs after one warm-up run; allocations are the mean bytes allocated per run (all threads). Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, Release build, {DateTime.UtcNow:yyyy-MM-dd}."));
doc.AppendLine();
doc.AppendLine("| Spec | Size | Generate (cold) ms | Generate MB | NSwag parse ms | NSwag parse MB | Cold / parse | After unrelated edit ms | After edit MB |");
doc.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var row in rows) doc.AppendLine(row);
doc.AppendLine();
doc.AppendLine("**Editing a big spec in the IDE.** One operation's description in Stripe changed (alternately applied and undone, so every run is an edit), the driver run again:");
doc.AppendLine(string.Create(CultureInfo.InvariantCulture,
    $"{edit.Milliseconds} ms and {edit.Megabytes} MB from edit to regenerated output (median of {runs}), and **{reEmitted()} of the generated files** handed to the compiler again; every other file's syntax tree is reused."));
doc.AppendLine();
var output = Path.Combine(repo, "docs", "performance.md");
var notes = Path.Combine(repo, "docs", "performance-notes.md");
if (File.Exists(notes)) doc.AppendLine(File.ReadAllText(notes).TrimEnd());
// The sections other runs write (--compile, and benchmarks/ClientGen.Runtime.Benchmarks) are kept as they last wrote them.
var previous = File.Exists(output) ? File.ReadAllText(output) : string.Empty;
foreach (var (begin, end) in new[] { (DocSection.CompileBegin, DocSection.CompileEnd), (DocSection.RuntimeBegin, DocSection.RuntimeEnd) })
{
    if (DocSection.Find(previous, begin, end) is { } kept) doc.AppendLine().AppendLine(kept);
}
File.WriteAllText(output, doc.ToString());
Console.WriteLine(doc);

static string FindRepo()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "ClientGen.sln"))) return dir.FullName;
    }
    throw new InvalidOperationException("ClientGen.sln not found");
}
