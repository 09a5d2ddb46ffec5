using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using ClientGen.Testing;
using ClientGen.Runtime.Generated;
using Xunit;

namespace ClientGen.Runtime.Tests;

/// <summary>What a call tells the observer: its span ends failed when the body cannot be read, and it says who is calling.</summary>
public sealed class TelemetryTests : IAsyncLifetime
{
    private static readonly ApiOperation s_get = new("getThing", "GET", "/thing");
    private FaultServer _server = null!;

    public async Task InitializeAsync() => _server = await FaultServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private ApiClientCore Core(Action<ApiClientOptions>? configure = null)
    {
        var options = new ApiClientOptions { BaseAddress = _server.BaseUri };
        configure?.Invoke(options);
        return new ApiClientCore(ApiPipeline.CreateHttpClient(options), options);
    }

    [Fact]
    public async Task A_body_that_is_not_the_documented_json_ends_the_span_with_an_error_status()
    {
        _server.On("/thing", (context, _, _) => FaultServer.Json(context, "{not json"));
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ApiDiagnostics.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var core = Core();

        using (var response = await core.SendAsync(new ApiRequest(s_get, "/thing")))
        {
            await Assert.ThrowsAsync<ApiResponseFormatException>(() => response.ReadJsonAsync((ref Utf8JsonReader reader) => JsonElement.ParseValue(ref reader)));
        }

        var span = Assert.Single(stopped, a => a.OperationName == "getThing");
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
    }

    [Fact]
    public async Task Every_call_says_it_is_ClientGen_with_its_version_and_client_and_the_options_can_say_otherwise()
    {
        _server.On("/thing", (context, _, _) => FaultServer.Json(context, "{}"));

        (await Core().SendAsync(new ApiRequest(s_get, "/thing"))).Dispose();
        (await Core(o => o.UserAgent = "Acme.Billing/2.0").SendAsync(new ApiRequest(s_get, "/thing"))).Dispose();

        var agents = _server.Seen.Select(r => r.Headers["User-Agent"]).ToList();
        Assert.Matches(@"^ClientGen/\d+\.\d+\.\d+ \(ApiClient\)$", agents[0]);
        Assert.Equal("Acme.Billing/2.0", agents[1]);
    }
}
