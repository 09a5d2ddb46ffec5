using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using ClientGen.Benchmarks;

// Measures the generator on our vendor specs and the largest public specs; writes docs/performance.md.
// Usage: dotnet run -c Release --project benchmarks/ClientGen.Benchmarks [-- --runs N]
var runs = args.Length == 2 && args[0] == "--runs" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var repo = FindRepo();
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
var output = Path.Combine(repo, "docs", "performance.md");
var notes = Path.Combine(repo, "docs", "performance-notes.md");
if (File.Exists(notes)) doc.AppendLine(File.ReadAllText(notes).TrimEnd());
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
