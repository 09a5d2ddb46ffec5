using System;
using System.Net.Http;
using ClientGen.Runtime;
using ClientGen.Testing;
using Fixtures;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit;
using Task = System.Threading.Tasks.Task;

namespace ClientGen.Generated.Tests;

/// <summary>Which response header is a call's track id is the spec's word (<c>x-clientgen-track-id-header</c>), not the runtime's.</summary>
public sealed class EchoedHeaderTests
{
    [Theory]
    [InlineData("Fixtures-Trace", "t-1")]
    [InlineData("X-Correlation-Id", "t-1")]
    [InlineData("Zuora-Track-Id", null)]
    public async Task The_track_id_is_read_from_the_header_the_spec_names_then_from_the_neutral_ones(string header, string? expected)
    {
        await using var host = await LoopbackHost.StartAsync(app => app.Run(context =>
        {
            context.Response.Headers[header] = "t-1";
            context.Response.StatusCode = 404;
            return Task.CompletedTask;
        }));
        using var http = new HttpClient();
        var client = new FixturesClient(http, new FixturesClientOptions { BaseAddress = new Uri(host.BaseAddress, "/api") });
        using var call = ApiCall.Capture();

        var error = await Assert.ThrowsAnyAsync<ApiException>(() => client.GetColorsAsync(new[] { "a" }, new Rgb { R = 1, G = 2, B = 3 }, "s"));

        Assert.Equal(expected, error.TrackId);
        Assert.Equal(expected, call.Last?.TrackId);
    }
}
