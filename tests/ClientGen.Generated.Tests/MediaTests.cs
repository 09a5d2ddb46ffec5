using System;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using ClientGen.Testing;
using Media;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit;
using Task = System.Threading.Tasks.Task;

namespace ClientGen.Generated.Tests;

/// <summary>
/// What goes on the wire where the media type and the schema disagree or leave room (Specs/media.yaml): bytes are bytes
/// under any media type, a download asks for what it can take, base64url is unpadded, a number enum is a number, and a
/// union's variant used on its own is written without the union's discriminator.
/// </summary>
public sealed class MediaTests
{
    private static readonly byte[] s_png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public async Task A_binary_upload_the_spec_leaves_open_is_sent_as_the_caller_names_it_or_as_octets()
    {
        var seen = new System.Collections.Generic.List<(string? ContentType, byte[] Body)>();
        await using var host = await LoopbackHost.StartAsync(app => app.Run(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            seen.Add((context.Request.ContentType, body.ToArray()));
            context.Response.StatusCode = 204;
        }));
        using var http = new HttpClient();
        var client = new MediaClient(http, new MediaClientOptions { BaseAddress = host.BaseAddress });

        await client.PutAvatarAsync(new MemoryStream(s_png), "image/png");
        await client.PutAvatarAsync(new MemoryStream(s_png));

        Assert.Equal("image/png", seen[0].ContentType);
        Assert.Equal(s_png, seen[0].Body);
        Assert.Equal("application/octet-stream", seen[1].ContentType);
        Assert.Equal(s_png, seen[1].Body);
    }

    [Fact]
    public async Task A_binary_body_declared_as_json_is_sent_as_the_file_not_as_a_json_string()
    {
        string? contentType = null, body = null;
        await using var host = await LoopbackHost.StartAsync(app => app.Run(async context =>
        {
            contentType = context.Request.ContentType;
            body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            context.Response.StatusCode = 204;
        }));
        using var http = new HttpClient();
        var client = new MediaClient(http, new MediaClientOptions { BaseAddress = host.BaseAddress });

        await client.PostDocumentAsync(new MemoryStream(Encoding.UTF8.GetBytes("""{"message":"test file content"}""")));

        Assert.Equal("application/json", contentType);
        Assert.Equal("""{"message":"test file content"}""", body);
    }

    [Fact]
    public async Task A_download_asks_for_every_media_type_it_lists_and_its_errors_and_hands_over_the_bytes_it_got()
    {
        string? accept = null;
        await using var host = await LoopbackHost.StartAsync(app => app.Run(async context =>
        {
            accept = context.Request.Headers.Accept;
            context.Response.ContentType = "image/png";
            await context.Response.Body.WriteAsync(s_png);
        }));
        using var http = new HttpClient();
        var client = new MediaClient(http, new MediaClientOptions { BaseAddress = host.BaseAddress });

        using var file = await client.GetAvatarAsync();
        using var read = new MemoryStream();
        await file.CopyToAsync(read);

        // The documented error's JSON too, below the images: a strict server would otherwise have no type to answer it in.
        Assert.Equal("image/png, image/jpeg, application/problem+json;q=0.9", accept);
        Assert.Equal("image/png", file.ContentType);
        Assert.Equal(s_png, read.ToArray());
    }

    [Fact]
    public async Task Base64url_bytes_are_sent_unpadded_in_the_path_and_query_and_read_back_from_json()
    {
        string? path = null, query = null, accept = null;
        await using var host = await LoopbackHost.StartAsync(app => app.Run(async context =>
        {
            (path, query, accept) = (context.Request.Path.Value, context.Request.QueryString.Value, context.Request.Headers.Accept);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"value":"-_8"}""");
        }));
        using var http = new HttpClient();
        var client = new MediaClient(http, new MediaClientOptions { BaseAddress = host.BaseAddress });

        var token = await client.GetTokenAsync([0xFB, 0xFF], [[0xFB, 0xFF], [0x01]]);

        Assert.Equal("/tokens/-_8", path); // base64 would be "+/8="
        Assert.Equal("?ids=-_8&ids=AQ", query);
        Assert.Equal("application/json", accept);
        Assert.Equal(new byte[] { 0xFB, 0xFF }, token.Value);
    }

    [Fact]
    public async Task A_number_enum_is_a_json_number_and_a_variant_is_tagged_only_where_the_union_is_expected()
    {
        JsonNode? sent = null;
        await using var host = await LoopbackHost.StartAsync(app => app.Run(async context =>
        {
            var text = await new StreamReader(context.Request.Body).ReadToEndAsync();
            sent = JsonNode.Parse(text);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(text);
        }));
        using var http = new HttpClient();
        var client = new MediaClient(http, new MediaClientOptions { BaseAddress = host.BaseAddress });

        var stored = await client.PostReadingAsync(new Reading { Scale = new Scale(1.25m), Sensor = new Thermometer { Unit = "C" }, Device = new Thermometer { Unit = "F" } });

        Assert.Equal("""{"scale":1.25,"sensor":{"kind":"thermometer","unit":"C"},"device":{"unit":"F"}}""", sent!.ToJsonString());
        Assert.Equal(1.25m, stored.Scale.Value);
        Assert.True(stored.Scale.IsKnown);
        Assert.Equal("C", Assert.IsType<Thermometer>(stored.Sensor).Unit);
        Assert.Equal("F", stored.Device.Unit);
    }

    [Fact]
    public async Task A_server_url_with_variables_is_an_environment_the_caller_fills_in()
    {
        string? path = null;
        await using var host = await LoopbackHost.StartAsync(app => app.Run(context =>
        {
            path = context.Request.Path.Value;
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        }));
        using var http = new HttpClient();
        var endpoint = host.BaseAddress.ToString().TrimEnd('/');

        await new MediaClient(http, new MediaClientOptions { Environment = MediaClientEnvironments.TenantAt(endpoint, "acme") }).PostDocumentAsync(new MemoryStream([1]));
        Assert.Equal("/tenants/acme/api-version:v2/documents", path);

        await new MediaClient(http, new MediaClientOptions { Environment = MediaClientEnvironments.TenantAt(endpoint, "acme", version: "v1") }).PostDocumentAsync(new MemoryStream([1]));
        Assert.Equal("/tenants/acme/api-version:v1/documents", path);
    }

    [Fact]
    public async Task Dates_and_durations_are_spelled_as_their_format_says_in_parameters_and_bodies()
    {
        string? query = null, every = null;
        await using var host = await LoopbackHost.StartAsync(app => app.Run(async context =>
        {
            (query, every) = (context.Request.QueryString.Value, context.Request.Headers["every"]);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"at":"Fri, 26 Aug 2022 14:38:00 GMT","since":1686566864,"every":"P1DT2H30M"}""");
        }));
        using var http = new HttpClient();
        var client = new MediaClient(http, new MediaClientOptions { BaseAddress = host.BaseAddress });
        var at = new DateTimeOffset(2022, 8, 26, 18, 38, 0, TimeSpan.FromHours(4));

        var schedule = await client.GetScheduleAsync(at, DateTimeOffset.FromUnixTimeSeconds(1686566864), new TimeSpan(1, 2, 30, 0));

        Assert.Equal("?at=Fri%2C%2026%20Aug%202022%2014%3A38%3A00%20GMT&since=1686566864", query);
        Assert.Equal("P1DT2H30M", every);
        Assert.Equal(at, schedule.At);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1686566864), schedule.Since);
        Assert.Equal(new TimeSpan(1, 2, 30, 0), schedule.Every);
    }
}
