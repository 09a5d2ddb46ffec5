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
    // Usage: dotnet run -c Release --project benchmarks/ClientGen.Benchmarks -- --compile (about 5 minutes).
    var corpusRoot = Path.GetFullPath(Path.Combine(repo, "..", "shared", "corpus", "openapi"));
    var none = new Dictionary<string, string>();
    CompileCost.Measure("warm-up", Path.Combine(repo, "specs", "zuora", "zuora-reporting.yaml"), "", none);
    var compileRows = new List<CompileCost.Row>();
    foreach (var (spec, file, filter, metadata) in new[]
    {
        ("Stripe", Path.Combine(corpusRoot, "stripe", "spec3.yaml"), "none", none),
        ("Stripe", Path.Combine(corpusRoot, "stripe", "spec3.yaml"), "`ClientGenIncludePaths=\"/v1/customers/**;/v1/invoices/**\"`", new Dictionary<string, string> { ["ClientGenIncludePaths"] = "/v1/customers/**;/v1/invoices/**" }),
        ("GitHub", Path.Combine(corpusRoot, "github", "api.github.com.json"), "none", none),
        ("GitHub", Path.Combine(corpusRoot, "github", "api.github.com.json"), "`ClientGenIncludeTags=\"repos;pulls\"`", new Dictionary<string, string> { ["ClientGenIncludeTags"] = "repos;pulls" }),
    })
    {
        Console.Error.WriteLine($"compiling {spec} ({filter})…");
        compileRows.Add(CompileCost.Measure(spec, file, filter, metadata));
    }
    var compileSection = new StringBuilder()
        .AppendLine(DocSection.CompileBegin)
        .AppendLine("## Compiling the generated code")
        .AppendLine()
        .AppendLine("<!-- Written by `dotnet run -c Release --project benchmarks/ClientGen.Benchmarks -- --compile`. Do not edit by hand. -->")
        .AppendLine()
        .AppendLine(string.Create(CultureInfo.InvariantCulture, $"Roslyn's `Emit` of the generated client alone (parse, bind, IL; in-process, Release, one run per row after a warm-up on Zuora), what a build spends on it beyond MSBuild's own overhead. Machine: {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}."))
        .AppendLine()
        .AppendLine(CompileCost.Table(compileRows))
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
