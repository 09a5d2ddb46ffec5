using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ClientGen.Simulators.Hosting;
using ClientGen.Simulators.OAuth;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.SystemTextJson;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ClientGen.Simulators.Zscaler;

/// <summary>
/// Zscaler UVM's Reporting API: OAuth client credentials with one-hour tokens at <c>/oauth2/token</c>, and the
/// GraphQL endpoint <c>/api/graphql</c> executed by graphql-dotnet against ClientGen's own SDL
/// (specs/zscaler-uvm/schema.graphql), with the documented <c>accountId</c> and <c>graphqlname</c> headers checked.
/// Runs go Running → Completed (or Failed); a presigned run's link is served by the simulator and expires.
/// </summary>
public sealed class ZscalerSimulator : Simulator
{
    /// <summary>The GraphQL endpoint's path.</summary>
    public const string GraphQlPath = "/api/graphql";

    private readonly ConcurrentDictionary<string, Run> _runs = new(StringComparer.Ordinal);
    private readonly PresignedUrls _links = new();
    private readonly GraphQLSerializer _serializer = new();
    private readonly DocumentExecuter _executer = new();
    private readonly ISchema _schema;

    private ZscalerSimulator(ZscalerSimulatorOptions options)
        : base(options.TimeProvider)
    {
        Options = options;
        Tokens = new TokenIssuer(options.ClientId, options.ClientSecret, options.TokenLifetime, Time);
        _schema = BuildSchema();
    }

    /// <inheritdoc />
    public override string Vendor => "Zscaler UVM";

    /// <summary>The options the simulator runs with.</summary>
    public ZscalerSimulatorOptions Options { get; }

    /// <summary>The OAuth token endpoint's state.</summary>
    public TokenIssuer Tokens { get; }

    /// <summary>The GraphQL endpoint, the base address to give a Zscaler client.</summary>
    public Uri BaseAddress => new(RootAddress, GraphQlPath);

    /// <summary>The token endpoint.</summary>
    public Uri TokenEndpoint => new(RootAddress, "/oauth2/token");

    /// <summary>The number of runs started.</summary>
    public int RunsStarted => _runs.Count;

    /// <summary>Starts a simulator on a free port of 127.0.0.1.</summary>
    public static async Task<ZscalerSimulator> StartAsync(ZscalerSimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        var simulator = new ZscalerSimulator(options ?? new ZscalerSimulatorOptions());
        await simulator.StartHostAsync(cancellationToken).ConfigureAwait(false);
        return simulator;
    }

    /// <inheritdoc />
    protected override bool IsFaultable(HttpRequest request) => request.Path.StartsWithSegments(GraphQlPath);

    /// <inheritdoc />
    protected override void OnTokensExpired() => Tokens.ExpireAll();

    /// <inheritdoc />
    protected override void Map(WebApplication app)
    {
        app.MapPost("/oauth2/token", (HttpContext context) => Tokens.HandleTokenRequestAsync(context));
        app.MapPost(GraphQlPath, ExecuteAsync);
        app.MapGet("/files/{file}", DownloadAsync);
    }

    private async Task ExecuteAsync(HttpContext context)
    {
        if (!await Tokens.AuthorizeAsync(context, ErrorsAsync).ConfigureAwait(false)) return;
        if (context.Request.Headers["accountId"] != Options.AccountId)
        {
            context.Response.StatusCode = 403;
            await ErrorsAsync(context, "The accountId header is missing or names an account this client may not use.").ConfigureAwait(false);
            return;
        }
        GraphQLRequest? request;
        try
        {
            request = await _serializer.ReadAsync<GraphQLRequest>(context.Request.Body, context.RequestAborted).ConfigureAwait(false);
        }
        catch (System.Text.Json.JsonException)
        {
            request = null;
        }
        if (request?.Query is null)
        {
            context.Response.StatusCode = 400;
            await ErrorsAsync(context, "The body must be a GraphQL request: {\"query\", \"operationName\", \"variables\"}.").ConfigureAwait(false);
            return;
        }
        var names = OperationNames(request.Query, request.OperationName);
        var graphqlName = context.Request.Headers["graphqlname"].ToString();
        if (!names.Contains(graphqlName, StringComparer.Ordinal))
        {
            context.Response.StatusCode = 400;
            await ErrorsAsync(context, $"The graphqlname header must name the operation or its field ({string.Join(" or ", names.Select(n => "'" + n + "'"))}).").ConfigureAwait(false);
            return;
        }
        var result = await _executer.ExecuteAsync(options =>
        {
            options.Schema = _schema;
            options.Query = request.Query;
            options.OperationName = request.OperationName;
            options.Variables = request.Variables;
            options.CancellationToken = context.RequestAborted;
        }).ConfigureAwait(false);
        context.Response.ContentType = "application/json";
        await _serializer.WriteAsync(context.Response.Body, result, context.RequestAborted).ConfigureAwait(false);
    }

    private Task DownloadAsync(HttpContext context, string file)
    {
        var runId = file.EndsWith(".csv", StringComparison.Ordinal) ? file[..^4] : file;
        if (!_runs.TryGetValue(runId, out var run) || Status(run) != "Completed") return S3ErrorAsync(context, 404, "NoSuchKey");
        var refused = _links.Check(runId, context.Request.Query["X-Amz-Expires"], context.Request.Query["X-Amz-Signature"], Time.GetUtcNow());
        if (refused is not null) return S3ErrorAsync(context, 403, refused);
        context.Response.ContentType = "text/csv";
        return context.Response.WriteAsync(run.Report.Csv, context.RequestAborted);
    }

    private ISchema BuildSchema()
    {
        using var stream = typeof(ZscalerSimulator).Assembly.GetManifestResourceStream("ClientGen.Simulators.Zscaler.schema.graphql")
            ?? throw new InvalidOperationException("The Zscaler SDL is not embedded in ClientGen.Simulators.");
        var sdl = new StreamReader(stream).ReadToEnd();
        var schema = Schema.For(sdl, builder =>
        {
            builder.Types.For("Mutation").FieldFor("processReport").Resolver = new FuncFieldResolver<object>(ProcessReport);
            builder.Types.For("Query").FieldFor("getReportRunStatus").Resolver = new FuncFieldResolver<object>(GetReportRunStatus);
        });
        schema.RegisterType(new JsonScalar());
        return schema;
    }

    private object ProcessReport(IResolveFieldContext context)
    {
        var id = context.GetArgument<string>("id");
        var report = Options.Reports.FirstOrDefault(r => r.Id == id) ?? throw new ExecutionError($"Report {id} does not exist.") { Code = "NOT_FOUND" };
        var run = new Run(Guid.NewGuid().ToString("N"), report, context.GetArgument<bool?>("isPresignedUrl") == true, Time.GetUtcNow());
        _runs[run.Id] = run;
        return new Dictionary<string, object?> { ["runId"] = run.Id, ["status"] = "Running" };
    }

    private object GetReportRunStatus(IResolveFieldContext context)
    {
        var runId = context.GetArgument<string?>("runId");
        if (runId is null || !_runs.TryGetValue(runId, out var run)) throw new ExecutionError($"Run {runId} does not exist.") { Code = "NOT_FOUND" };
        var reportId = context.GetArgument<string?>("reportId");
        if (reportId is not null && reportId != run.Report.Id) throw new ExecutionError($"Run {runId} is not a run of report {reportId}.") { Code = "NOT_FOUND" };
        var status = Status(run);
        var result = new Dictionary<string, object?> { ["runId"] = run.Id, ["status"] = status };
        if (status == "Completed")
        {
            if (run.Presigned) result["presignedUrl"] = _links.Create(RootAddress, run.Id, Time.GetUtcNow() + Options.PresignedUrlLifetime);
            else result["resultFilePath"] = $"s3://simulator-exports/{run.Report.Id}/{run.Id}.csv";
        }
        return result;
    }

    private string Status(Run run) => Time.GetUtcNow() < run.StartedAt + Options.RunDuration ? "Running" : run.Report.Succeeds ? "Completed" : "Failed";

    /// <summary>
    /// What a <c>graphqlname</c> header may say for this request: the operation's name, or, as Zscaler's own curl
    /// examples send for anonymous operations (<c>mutation ($id: String!) { processReport(…) }</c> with
    /// <c>graphqlname: processReport</c>), the name of a field it selects at the root.
    /// </summary>
    private static IReadOnlyList<string> OperationNames(string query, string? operationName)
    {
        try
        {
            var document = GraphQLParser.Parser.Parse(query);
            var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
            var operation = operationName is null ? (operations.Count == 1 ? operations[0] : null) : operations.FirstOrDefault(o => o.Name?.StringValue == operationName);
            if (operation is null) return operationName is null ? Array.Empty<string>() : new[] { operationName };
            var names = operation.SelectionSet.Selections.OfType<GraphQLField>().Select(f => f.Name.StringValue).ToList();
            if (operation.Name is { } name) names.Insert(0, name.StringValue);
            return names;
        }
        catch (GraphQLParser.Exceptions.GraphQLSyntaxErrorException)
        {
            return operationName is null ? Array.Empty<string>() : new[] { operationName };
        }
    }

    private static Task ErrorsAsync(HttpContext context, string message) =>
        context.Response.WriteAsJsonAsync(new { errors = new[] { new { message } } }, context.RequestAborted);

    private static Task S3ErrorAsync(HttpContext context, int status, string code)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/xml";
        return context.Response.WriteAsync($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{code}</Code></Error>", context.RequestAborted);
    }

    private sealed record Run(string Id, ZscalerSimulatedReport Report, bool Presigned, DateTimeOffset StartedAt);

    /// <summary>The SDL's JSON scalar: resolver values are written as they are.</summary>
    private sealed class JsonScalar : ScalarGraphType
    {
        public JsonScalar() => Name = "JSON";

        public override object? ParseLiteral(GraphQLValue value) => value;

        public override object? ParseValue(object? value) => value;

        public override object? Serialize(object? value) => value;
    }
}
