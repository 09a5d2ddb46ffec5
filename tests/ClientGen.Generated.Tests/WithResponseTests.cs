using System;
using System.Net.Http;
using ClientGen.Testing;
using Fixtures;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit;
using Task = System.Threading.Tasks.Task;

namespace ClientGen.Generated.Tests;

/// <summary>Every REST method has a …WithResponseAsync twin that returns the value with the status and headers.</summary>
public sealed class WithResponseTests
{
    [Fact]
    public async Task The_twin_returns_the_same_value_with_the_status_and_headers()
    {
        await using var host = await LoopbackHost.StartAsync(app => app.Run(async context =>
        {
            context.Response.StatusCode = 200;
            context.Response.Headers["X-Request-Id"] = "req-42";
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""[{"petType":"cat","name":"Tom"}]""");
        }));
        using var http = new HttpClient();
        var client = new FixturesClient(http, new FixturesClientOptions { BaseAddress = new Uri(host.BaseAddress, "/api") });

        var plain = await client.ListPetsAsync();
        var result = await client.ListPetsWithResponseAsync();

        Assert.Equal(plain.Count, result.Value.Count);
        Assert.Equal("Tom", Assert.Single(result.Value).Name);
        Assert.Equal(200, result.StatusCode);
        Assert.Equal("req-42", result.RequestId);
        Assert.Equal("listPets", result.OperationId);
    }
}
