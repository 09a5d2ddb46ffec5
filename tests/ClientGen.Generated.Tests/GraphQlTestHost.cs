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

/// <summary>
/// graphql-dotnet executing a schema on Kestrel at 127.0.0.1 (random port): POST {query, operationName, variables}
/// at <see cref="Endpoint"/>. Each request is recorded with its headers; a gate can refuse requests first.
/// </summary>
public sealed class GraphQlTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GraphQlTestHost(WebApplication app) => _app = app;

    public Uri Endpoint { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public ConcurrentQueue<(IReadOnlyDictionary<string, string> Headers, GraphQLRequest Request)> Requests { get; } = new();

    /// <param name="schema">The executable schema.</param>
    /// <param name="path">Where the endpoint listens.</param>
    /// <param name="gate">Refuses a request (returns the status to answer) before it is executed, or returns null to execute it.</param>
    /// <param name="routes">Extra endpoints (files).</param>
    public static async Task<GraphQlTestHost> StartAsync(ISchema schema, string path, Func<HttpContext, GraphQLRequest, int?>? gate = null, Action<WebApplication>? routes = null)
    {
        var serializer = new GraphQLSerializer();
        var executer = new DocumentExecuter();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var host = new GraphQlTestHost(app);
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
        await app.StartAsync();
        host.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        host.Endpoint = new Uri(host.BaseAddress, path);
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
