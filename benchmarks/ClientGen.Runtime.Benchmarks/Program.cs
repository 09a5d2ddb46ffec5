using System.Globalization;
using ClientGen.Runtime;
using ClientGen.Runtime.Benchmarks;
using ClientGen.Runtime.Http;
using ClientGen.Zuora;

// Measures a generated Zuora call against the hand-written floor on loopback; rewrites its section of docs/performance.md.
// Usage: dotnet run -c Release --project benchmarks/ClientGen.Runtime.Benchmarks [-- --rounds N --calls M]
if (args.Length > 0 && args[0] == LoopbackServer.ServeArgument)
{
    await LoopbackServer.ServeAsync();
    return;
}

var rounds = Argument("--rounds", 15);
var calls = Argument("--calls", 1000);
var (server, address) = LoopbackServer.Start();
try
{
    using var raw = new HttpClient(ApiPipeline.CreateTransport()) { BaseAddress = address };
    var floor = new HandWrittenClient(raw);
    using var withRetries = ApiPipeline.CreateHttpClient(new ZuoraReportingClientOptions { BaseAddress = address });
    using var withoutRetries = ApiPipeline.CreateHttpClient(new ZuoraReportingClientOptions { BaseAddress = address, Retry = new RetryOptions { MaxRetries = 0 } });
    var variants = new[]
    {
        new CallVariant("hand-written (floor)", ct => floor.RunReportAsync("ff808081529f4e3401529fd373730070", ct), ct => floor.GetReportRunAsync("ff808081529f4e3401529fd61f080074", ct), ct => floor.CancelReportRunAsync("ff808081529f4e3401529fd61f080074", ct)),
        Generated("generated, default retries", new ZuoraReportingClient(withRetries, new ZuoraReportingClientOptions { BaseAddress = address })),
        Generated("generated, retries off", new ZuoraReportingClient(withoutRetries, new ZuoraReportingClientOptions { BaseAddress = address, Retry = new RetryOptions { MaxRetries = 0 } })),
    };
    var results = await AlternatingRounds.MeasureAsync(variants, new[] { "run", "get", "cancel" }, rounds, calls);
    var section = RuntimeReport.Section(results, rounds, calls);
    Console.WriteLine(section);
    RuntimeReport.Write(FindRepo(), section);
}
finally
{
    server.StandardInput.Close();
    if (!server.WaitForExit(10_000)) server.Kill();
}

static CallVariant Generated(string name, ZuoraReportingClient client)
{
    var filters = new[]
    {
        new FilterGroup
        {
            LogicalOperator = new LogicalOperator { Value = LogicalOperatorValue.And },
            FilterClauses = new[] { new FilterClause { Field = new FilterField { Id = "Account.Status", Type = "Text" }, Operator = "=", Value = "Active" } },
        },
    };
    return new CallVariant(name,
        ct => client.RunReportAsync("ff808081529f4e3401529fd373730070", ViewType.Detail, filters, cancellationToken: ct),
        ct => client.GetReportRunAsync("ff808081529f4e3401529fd61f080074", cancellationToken: ct),
        ct => client.CancelReportRunAsync("ff808081529f4e3401529fd61f080074", cancellationToken: ct));
}

int Argument(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}

static string FindRepo()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "ClientGen.sln"))) return dir.FullName;
    }
    throw new InvalidOperationException("ClientGen.sln not found");
}
