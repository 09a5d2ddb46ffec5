using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Transport;
using GraphQL.Types;
using ClientGen.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ClientGen.Generated.Tests;

/// <summary>
/// graphql-dotnet executing a schema on Kestrel at 127.0.0.1 (random port): POST {query, operationName, variables}
/// at <see cref="Endpoint"/>. Each request is recorded with its headers; a gate can refuse requests first.
/// </summary>
public sealed class GraphQlTestHost : IAsyncDisposable
{
    private LoopbackHost _host = null!;

    public Uri Endpoint { get; private set; } = null!;

    public Uri BaseAddress => _host.BaseAddress;

    public ConcurrentQueue<(IReadOnlyDictionary<string, string> Headers, GraphQLRequest Request)> Requests { get; } = new();

    /// <param name="schema">The executable schema.</param>
    /// <param name="path">Where the endpoint listens.</param>
    /// <param name="gate">Refuses a request (returns the status to answer) before it is executed, or returns null to execute it.</param>
    /// <param name="routes">Extra endpoints (files).</param>
    public static async Task<GraphQlTestHost> StartAsync(ISchema schema, string path, Func<HttpContext, GraphQLRequest, int?>? gate = null, Action<WebApplication>? routes = null)
    {
        var host = new GraphQlTestHost();
        host._host = await LoopbackHost.StartAsync(app => Map(app, host, schema, path, gate, routes));
        host.Endpoint = new Uri(host.BaseAddress, path);
        return host;
    }

    private static void Map(WebApplication app, GraphQlTestHost host, ISchema schema, string path, Func<HttpContext, GraphQLRequest, int?>? gate, Action<WebApplication>? routes)
    {
        var serializer = new GraphQLSerializer();
        var executer = new DocumentExecuter();
        app.MapPost(path, async (HttpContext context) =>
        {
            var request = (await serializer.ReadAsync<GraphQLRequest>(context.Request.Body))!;
            if (gate?.Invoke(context, request) is { } refused)
            {
                context.Response.StatusCode = refused;
                return;
            }
            host.Requests.Enqueue((context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), request));
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
        routes?.Invoke(app);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
