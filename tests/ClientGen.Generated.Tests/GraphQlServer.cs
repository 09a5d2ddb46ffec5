using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Transport;
using GraphQL.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClientGen.Generated.Tests;

/// <summary>graphql-dotnet serving Specs/graphql/reports/schema.graphql on Kestrel at 127.0.0.1, recording each request.</summary>
public sealed class GraphQlServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GraphQlServer(WebApplication app) => _app = app;

    public Uri Endpoint { get; private set; } = null!;

    public ConcurrentQueue<(IReadOnlyDictionary<string, string> Headers, GraphQLRequest Request)> Requests { get; } = new();

    public static async Task<GraphQlServer> StartAsync()
    {
        var sdl = System.IO.File.ReadAllText(System.IO.Path.Combine(AppContext.BaseDirectory, "Specs", "graphql", "reports", "schema.graphql"));
        var schema = Schema.For(sdl, builder =>
        {
            builder.Types.Include<QueryResolvers>();
            builder.Types.Include<MutationResolvers>();
            builder.Types.For("SearchResult").ResolveType = value => value is UserData ? new GraphQLTypeReference("User") : new GraphQLTypeReference("Report");
        });
        var serializer = new GraphQLSerializer();
        var executer = new DocumentExecuter();

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new GraphQlServer(app);
        app.MapPost("/graphql", async (HttpContext context) =>
        {
            var request = (await serializer.ReadAsync<GraphQLRequest>(context.Request.Body))!;
            server.Requests.Enqueue((context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), request));
            var result = await executer.ExecuteAsync(options =>
            {
                options.Schema = schema;
                options.Query = request.Query;
                options.OperationName = request.OperationName;
                options.Variables = request.Variables;
            });
            context.Response.ContentType = "application/graphql-response+json";
            await serializer.WriteAsync(context.Response.Body, result);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Endpoint = new Uri(new Uri(address), "/graphql");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public sealed record ReportData(string Id, string Name, string? Status, UserData? Owner);

    public sealed record UserData(string Id, string Login);

    public sealed record RunData(string RunId, string Status);

    [GraphQLMetadata("Query")]
    public sealed class QueryResolvers
    {
        private static readonly ReportData[] s_reports =
        {
            new("r-1", "Revenue", "COMPLETED", new UserData("u-1", "ada")),
            new("r-2", "Churn", "RUNNING", null),
        };

        public ReportData? Report(string id) =>
            id == "broken" ? throw new ExecutionError("report store unavailable") : s_reports.FirstOrDefault(r => r.Id == id);

        public IEnumerable<ReportData> Reports(string? status) => s_reports.Where(r => status == null || r.Status == status);

        public IEnumerable<object> Search(string term) =>
            s_reports.Where(r => r.Name.Contains(term, StringComparison.OrdinalIgnoreCase)).Cast<object>().Append(new UserData("u-9", term.ToLowerInvariant()));
    }

    [GraphQLMetadata("Mutation")]
    public sealed class MutationResolvers
    {
        public RunData StartRun(IDictionary<string, object?> input) =>
            new("run-" + input["reportId"] + (input.TryGetValue("presigned", out var presigned) && presigned is true ? "-presigned" : string.Empty), "RUNNING");
    }
}
