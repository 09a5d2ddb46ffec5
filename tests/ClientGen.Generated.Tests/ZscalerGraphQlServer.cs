using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ClientGen.Generated.Tests;

/// <summary>
/// graphql-dotnet executing specs/zscaler-uvm/schema.graphql on Kestrel (127.0.0.1): report runs go Running →
/// Completed after a few polls, with a presigned URL this server also serves. Checks accountId and graphqlname.
/// </summary>
public sealed class ZscalerGraphQlServer : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<string, int> s_polls = new();
    private readonly GraphQlTestHost _host;

    private ZscalerGraphQlServer(GraphQlTestHost host) => _host = host;

    public Uri Endpoint => _host.Endpoint;

    public static string FilesBase { get; private set; } = string.Empty;

    public IEnumerable<string> OperationHeaders => _host.Requests.Select(r => r.Request.OperationName!);

    public static async Task<ZscalerGraphQlServer> StartAsync()
    {
        var sdl = System.IO.File.ReadAllText(System.IO.Path.Combine(AppContext.BaseDirectory, "Specs", "zscaler-uvm", "schema.graphql"));
        var schema = Schema.For(sdl, builder =>
        {
            builder.Types.Include<Resolvers.Query>();
            builder.Types.Include<Resolvers.Mutation>();
        });
        schema.RegisterType(new JsonScalar());
        // The documented headers: accountId on every call, graphqlname naming the operation.
        var host = await GraphQlTestHost.StartAsync(
            schema,
            "/api/graphql",
            (context, request) => context.Request.Headers["accountId"] != "acct-1" || context.Request.Headers["graphqlname"] != request.OperationName ? 400 : null,
            app => app.MapGet("/files/{run}.csv", (string run) => Results.Text("id,name\n1,Revenue\n", "text/csv")));
        FilesBase = new Uri(host.BaseAddress, "/files/").ToString();
        return new ZscalerGraphQlServer(host);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

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
