using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using ClientGen.Cli.Generate;
using ClientGen.Cli.Run;
using Spectre.Console;

namespace ClientGen.Cli;

/// <summary>The <c>clientgen</c> command line, callable in process (tests pass their own writers and environment).</summary>
public static class CliApp
{
    /// <summary>Parses and runs a command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="stdout">Where output goes.</param>
    /// <param name="stderr">Where errors go.</param>
    /// <param name="console">The console <c>run</c> draws on; one over <paramref name="stdout"/> when null.</param>
    /// <param name="variables">Reads environment variables (credentials); the process environment when null.</param>
    /// <param name="cancellationToken">Cancels a run (as Ctrl+C does).</param>
    /// <returns>The exit code.</returns>
    public static Task<int> InvokeAsync(string[] args, TextWriter stdout, TextWriter stderr, IAnsiConsole? console = null, Func<string, string?>? variables = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (console is null)
        {
            var redirected = Console.IsOutputRedirected;
            console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stdout), Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect });
            // A log file has no width: do not wrap run ids and rows at 80 columns.
            if (redirected) console.Profile.Width = 160;
        }
        var root = new RootCommand("clientgen: typed C# clients from OpenAPI and GraphQL documents, and report runs through them.")
        {
            GenerateCommand(stdout, stderr),
            CheckCommand(stdout, stderr),
            RunCommandLine(console, variables ?? Environment.GetEnvironmentVariable),
        };
        // Ctrl+C cancels the action's token; give a run time to cancel itself on the vendor before the process ends.
        return root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, ProcessTerminationTimeout = TimeSpan.FromSeconds(30) }, cancellationToken);
    }

    private static Command GenerateCommand(TextWriter stdout, TextWriter stderr)
    {
        var specs = new Argument<string[]>("spec") { Description = "OpenAPI documents (YAML or JSON), GraphQL files (.graphql: schema and operations), or folders of them (a GraphQL folder is one client).", Arity = ArgumentArity.OneOrMore };
        var output = new Option<DirectoryInfo>("--out") { Description = "Directory to write the generated C# files to.", Required = true };
        var ns = new Option<string?>("--namespace") { Description = "Namespace of the generated code (default: ClientGen.Generated)." };
        var command = new Command("generate", "Write the client the source generator would produce, for reading or committing.") { specs, output, ns };
        command.SetAction(parse => Generate.GenerateCommand.Run(parse.GetValue(specs)!, parse.GetValue(ns), parse.GetValue(output), stdout, stderr));
        return command;
    }

    private static Command CheckCommand(TextWriter stdout, TextWriter stderr)
    {
        var specs = new Argument<string[]>("spec") { Description = "OpenAPI documents (YAML or JSON), GraphQL files, or folders of them.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("check", "Report the diagnostics for the given specs without writing code (exit 1 on errors).") { specs };
        command.SetAction(parse => Generate.GenerateCommand.Run(parse.GetValue(specs)!, null, null, stdout, stderr));
        return command;
    }

    private static Command RunCommandLine(IAnsiConsole console, Func<string, string?> variables)
    {
        var vendor = new Argument<string>("vendor") { Description = "zuora, energycap, zscaler, or all." };
        vendor.AcceptOnlyFromAmong("zuora", "energycap", "zscaler", "all");
        var environment = new Option<string?>("--environment") { Description = "The real vendor environment: a name from the spec's servers (e.g. ApiSandboxUsCloudDataCenter2, US, EU) or a base URL." };
        var simulator = new Option<bool>("--simulator") { Description = "Use the built-in simulators even when credentials are configured." };
        var faults = new Option<bool>("--faults") { Description = "Inject throttling, server errors, dropped connections, a lost response, an expired token and latency into the simulators." };
        var rows = new Option<int>("--rows") { Description = "Result rows or file lines to show.", DefaultValueFactory = _ => 5 };
        var output = new Option<DirectoryInfo>("--out") { Description = "Where downloaded report files go.", DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("artifacts", "reports")) };
        var report = new Option<string?>("--report") { Description = "The report (Zuora, Zscaler) or distribution (EnergyCAP) to run; one vendor only." };
        var clientId = new Option<string?>("--client-id") { Description = "OAuth client id (Zuora, Zscaler); else ZUORA_CLIENT_ID / ZSCALER_CLIENT_ID." };
        var clientSecret = new Option<string?>("--client-secret") { Description = "OAuth client secret; else ZUORA_CLIENT_SECRET / ZSCALER_CLIENT_SECRET." };
        var apiKey = new Option<string?>("--api-key") { Description = "EnergyCAP API key; else ENERGYCAP_API_KEY." };
        var accountId = new Option<string?>("--account-id") { Description = "Zscaler account id; else ZSCALER_ACCOUNT_ID." };
        var command = new Command("run", "Run a report end to end through the generated client: against the built-in simulators, or the real vendor when credentials are configured.")
        {
            vendor, environment, simulator, faults, rows, output, report, clientId, clientSecret, apiKey, accountId,
        };
        rows.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 1000) result.AddError("--rows must be between 1 and 1000.");
        });
        command.SetAction((parse, ct) => RunCommand.ExecuteAsync(parse.GetValue(vendor)!, new RunSettings
        {
            Environment = parse.GetValue(environment),
            ForceSimulator = parse.GetValue(simulator),
            Faults = parse.GetValue(faults),
            Rows = parse.GetValue(rows),
            Output = parse.GetValue(output)!,
            Report = parse.GetValue(report),
            ClientId = parse.GetValue(clientId),
            ClientSecret = parse.GetValue(clientSecret),
            ApiKey = parse.GetValue(apiKey),
            AccountId = parse.GetValue(accountId),
            Variables = variables,
        }, console, ct));
        return command;
    }
}
