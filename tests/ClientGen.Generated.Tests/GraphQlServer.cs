using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;

namespace ClientGen.Generated.Tests;

/// <summary>graphql-dotnet serving Specs/graphql/reports/schema.graphql, recording each request.</summary>
public sealed class GraphQlServer : IAsyncDisposable
{
    private readonly GraphQlTestHost _host;

    private GraphQlServer(GraphQlTestHost host) => _host = host;

    public Uri Endpoint => _host.Endpoint;

    public ConcurrentQueue<(IReadOnlyDictionary<string, string> Headers, GraphQLRequest Request)> Requests => _host.Requests;

    public static async Task<GraphQlServer> StartAsync()
    {
        var sdl = System.IO.File.ReadAllText(System.IO.Path.Combine(AppContext.BaseDirectory, "Specs", "graphql", "reports", "schema.graphql"));
        var schema = Schema.For(sdl, builder =>
        {
            builder.Types.Include<QueryResolvers>();
            builder.Types.Include<MutationResolvers>();
            builder.Types.For("SearchResult").ResolveType = value => value is UserData ? new GraphQLTypeReference("User") : new GraphQLTypeReference("Report");
        });
        return new GraphQlServer(await GraphQlTestHost.StartAsync(schema, "/graphql"));
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

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
