using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClientGen.Generated.Tests;

/// <summary>
/// graphql-dotnet executing specs/zscaler-uvm/schema.graphql on Kestrel (127.0.0.1): report runs go Running →
/// Completed after a few polls, with a presigned URL this server also serves. Checks accountId and graphqlname.
/// </summary>
public sealed class ZscalerGraphQlServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private static readonly ConcurrentDictionary<string, int> s_polls = new();

    private ZscalerGraphQlServer(WebApplication app) => _app = app;

    public Uri Endpoint { get; private set; } = null!;

    public static string FilesBase { get; private set; } = string.Empty;

    public ConcurrentQueue<string> OperationHeaders { get; } = new();

    public static async Task<ZscalerGraphQlServer> StartAsync()
    {
        var sdl = System.IO.File.ReadAllText(System.IO.Path.Combine(AppContext.BaseDirectory, "Specs", "zscaler-uvm", "schema.graphql"));
        var schema = Schema.For(sdl, builder =>
        {
            builder.Types.Include<Resolvers.Query>();
            builder.Types.Include<Resolvers.Mutation>();
        });
        schema.RegisterType(new JsonScalar());
        var serializer = new GraphQLSerializer();
        var executer = new DocumentExecuter();

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new ZscalerGraphQlServer(app);
        app.MapPost("/api/graphql", async (HttpContext context) =>
        {
            var request = (await serializer.ReadAsync<GraphQLRequest>(context.Request.Body))!;
            if (context.Request.Headers["accountId"] != "acct-1" || context.Request.Headers["graphqlname"] != request.OperationName)
            {
                context.Response.StatusCode = 400;
                return;
            }
            server.OperationHeaders.Enqueue(request.OperationName!);
            var result = await executer.ExecuteAsync(o =>
            {
                o.Schema = schema;
                o.Query = request.Query;
                o.OperationName = request.OperationName;
                o.Variables = request.Variables;
            });
            context.Response.ContentType = "application/json";
            await serializer.WriteAsync(context.Response.Body, result);
        });
        app.MapGet("/files/{run}.csv", (string run) => Results.Text("id,name\n1,Revenue\n", "text/csv"));
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        server.Endpoint = new Uri(address, "/api/graphql");
        FilesBase = new Uri(address, "/files/").ToString();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>The JSON scalar: values pass through as the resolvers build them.</summary>
    private sealed class JsonScalar : ScalarGraphType
    {
        public JsonScalar() => Name = "JSON";

        public override object? ParseLiteral(GraphQLValue value) => value;

        public override object? ParseValue(object? value) => value;

        public override object? Serialize(object? value) => value;
    }

    private static class Resolvers
    {
        [GraphQLMetadata("Query")]
        public sealed class Query
        {
            public object GetReportRunStatus(string? reportId, string? runId)
            {
                var polls = s_polls.AddOrUpdate(runId ?? string.Empty, 1, (_, n) => n + 1);
                return polls < 3
                    ? new { runId, status = "Running" }
                    : new { runId, status = "Completed", presignedUrl = FilesBase + runId + ".csv?X-Amz-Signature=sig" };
            }
        }

        [GraphQLMetadata("Mutation")]
        public sealed class Mutation
        {
            private static int s_runs;

            public object ProcessReport(string id, bool? isPresignedUrl) => new { runId = $"{id}-run-{Interlocked.Increment(ref s_runs)}" };
        }
    }
}
