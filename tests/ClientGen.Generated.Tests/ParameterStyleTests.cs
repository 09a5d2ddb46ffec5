using System;
using System.Net.Http;
using Task = System.Threading.Tasks.Task;
using ClientGen.Testing;
using Fixtures;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Xunit;

namespace ClientGen.Generated.Tests;

/// <summary>A generated call puts every parameter where its style says, as Kestrel receives it.</summary>
public sealed class ParameterStyleTests
{
    [Fact]
    public async Task Each_location_and_style_reaches_the_server_as_the_spec_defines()
    {
        string? target = null;
        string? header = null;
        await using var host = await LoopbackHost.StartAsync(app => app.Run(context =>
        {
            target = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
            header = context.Request.Headers["X-Rgb"];
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        }));
        using var http = new HttpClient();
        var client = new FixturesClient(http, new FixturesClientOptions { BaseAddress = new Uri(host.BaseAddress, "/api") });
        var rgb = new Rgb { R = 100, G = 200, B = 150 };

        await client.GetColorsAsync(new[] { "blue", "black" }, rgb, "a b", csv: new[] { "x,y", "z" }, multi: new[] { "m", "n" }, pipes: new[] { "p", "q" }, filter: rgb, spread: rgb, xRgb: rgb);

        // System.Uri escapes a literal '|' on the wire; servers decode the value before splitting it.
        Assert.Equal(
            "/api/colors/.blue.black/;matrix=R,100,G,200,B,150/a%20b"
            + "?csv=x%2Cy,z&multi=m&multi=n&pipes=p%7Cq&filter[R]=100&filter[G]=200&filter[B]=150&R=100&G=200&B=150",
            target);
        Assert.Equal("R=100,G=200,B=150", header);
    }
}
