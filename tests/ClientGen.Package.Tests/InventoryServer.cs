using System;
using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ClientGen.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ClientGen.Package.Tests;

/// <summary>
/// The consumer's API (Consumer/Specs/inventory.yaml) on Kestrel at 127.0.0.1: answers as the spec says and
/// records what arrived, so a test can assert what the packaged client really sent.
/// </summary>
public sealed class InventoryServer : IAsyncDisposable
{
    private LoopbackHost _host = null!;

    public Uri BaseAddress => _host.BaseAddress;

    /// <summary>"METHOD path?query key=X-Api-Key" per request, in arrival order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public static async Task<InventoryServer> StartAsync()
    {
        var server = new InventoryServer();
        server._host = await LoopbackHost.StartAsync(server.Map);
        return server;
    }

    private void Map(WebApplication app)
    {
        var server = this;
        app.Use(async (context, next) =>
        {
            server.Requests.Enqueue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString} key={context.Request.Headers["X-Api-Key"]}");
            if (context.Request.Headers["X-Api-Key"] != "consumer-key")
            {
                context.Response.StatusCode = 401;
                return;
            }
            await next(context);
        });
        app.MapPost("/items", async (HttpContext context) =>
        {
            var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
            var item = new JsonObject { ["id"] = "item-1", ["name"] = body["name"]?.GetValue<string>(), ["count"] = body["count"]?.GetValue<long>(), ["state"] = "active", ["updatedAt"] = "2026-12-01T08:00:00Z" };
            return Results.Text(item.ToJsonString(), "application/json", statusCode: 201);
        });
        app.MapGet("/items", (HttpContext context) =>
            Results.Text(context.Request.Query["state"] == "active" ? """[{"id":"item-1","name":"bolt","state":"active"},{"id":"item-2","name":"nut","state":"active","count":null}]""" : "[]", "application/json"));
        app.MapGet("/items/{id}", (string id) =>
            Results.Text($$"""{"title":"No item {{id}}","status":404}""", "application/json", statusCode: 404));
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
