using System;
using System.IO;
using System.Net.Http;
using ClientGen.Runtime;
using ClientGen.Spector.Tests.Scenarios;
using Spector.Payload.ContentNegotiation;
using Xunit;
using Task = System.Threading.Tasks.Task;

namespace ClientGen.Spector.Tests;

/// <summary>
/// Spector's <c>payload/content-negotiation/different-body</c>: one operation answering PNG bytes or JSON by Accept. The
/// typed method reads the JSON; its <c>…AsFileAsync</c> twin asks for the image and hands it over; an Accept the
/// server refuses reaches the caller as an <see cref="ApiException"/>.
/// </summary>
[Collection(SpectorCollection.Name)]
public sealed class ContentNegotiationTests(SpectorServer server) : IDisposable
{
    private readonly HttpClient _http = new();

    private TitleClient Client => new(_http, new TitleClientOptions { BaseAddress = server.BaseAddress });

    [Fact]
    public async Task Payload_ContentNegotiation_DifferentBody_reads_the_json_and_the_image_through_their_own_methods()
    {
        await ScenarioOutcomes.RunAsync("Payload_ContentNegotiation_DifferentBody", async () =>
        {
            var refused = await Assert.ThrowsAsync<ApiException>(() => Client.DifferentBodyGetAvatarAsPngDifferentBodyGetAvatarAsJsonAsync(new ApiCallOptions { Headers = { ["Accept"] = "wrongAccept" } }));
            Assert.Equal(400, refused.StatusCode);

            var json = await Client.DifferentBodyGetAvatarAsPngDifferentBodyGetAvatarAsJsonAsync();
            Assert.Equal(SpectorServer.Png, json.Content);

            using var image = await Client.DifferentBodyGetAvatarAsPngDifferentBodyGetAvatarAsJsonAsFileAsync();
            using var bytes = new MemoryStream();
            await image.CopyToAsync(bytes);
            Assert.Equal("image/png", image.ContentType);
            Assert.Equal(SpectorServer.Png, bytes.ToArray());
        });
    }

    public void Dispose() => _http.Dispose();
}
