using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ClientGen.Runtime.Generated;
using ClientGen.Runtime.Http;
using ClientGen.Testing;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace ClientGen.Runtime.Tests;

/// <summary>
/// What a handler of the caller's own sees of a call, now that the runtime's own pipeline carries the call's facts in
/// the message instead of in Options: the same operation and timeout, and the same deadline on the body.
/// </summary>
public sealed class RequestFactsTests : IAsyncLifetime
{
    private static readonly ApiOperation s_get = new("getThing", "GET", "/thing");
    private FaultServer _server = null!;

    public async Task InitializeAsync() => _server = await FaultServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_handler_in_the_callers_own_HttpClient_reads_the_operation_and_the_calls_timeout_from_Options()
    {
        _server.On("/thing", (context, _, _) => FaultServer.Json(context, "{}"));
        var seen = new Seen();
        var options = new ApiClientOptions { BaseAddress = _server.BaseUri };
        var retry = ApiPipeline.CreateRetryHandler(options);
        retry.InnerHandler = new SeenHandler(seen) { InnerHandler = ApiPipeline.CreateTransport() };
        var core = new ApiClientCore(new HttpClient(retry), options);

        using var response = await core.SendAsync(new ApiRequest(s_get, "/thing") { CallOptions = new ApiCallOptions { Timeout = TimeSpan.FromSeconds(7) } });

        Assert.Equal("getThing", seen.Operation?.OperationId);
        Assert.Equal(TimeSpan.FromSeconds(7), seen.Timeout);
    }

    [Fact]
    public async Task A_body_that_stalls_through_the_runtimes_own_pipeline_times_out_at_the_attempt_deadline_and_the_next_call_is_unaffected()
    {
        _server.On("/thing", async (context, _, _) =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"a\":", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
        });
        _server.On("/fine", (context, _, _) => FaultServer.Json(context, "{}"));
        var options = new ApiClientOptions { BaseAddress = _server.BaseUri, Retry = new RetryOptions { AttemptTimeout = TimeSpan.FromMilliseconds(500), TotalTimeout = TimeSpan.FromSeconds(5) } };
        var core = new ApiClientCore(ApiPipeline.CreateHttpClient(options), options);

        using (var stalled = await core.SendAsync(new ApiRequest(s_get, "/thing")))
        {
            var timeout = await Assert.ThrowsAsync<TimeoutException>(() => stalled.ReadJsonAsync((ref System.Text.Json.Utf8JsonReader r) => System.Text.Json.JsonElement.ParseValue(ref r)));
            Assert.Contains("attempt timeout of 0.5 s", timeout.Message);
        }
        using var fine = await core.SendAsync(new ApiRequest(new ApiOperation("getFine", "GET", "/fine"), "/fine"));
        Assert.Equal(0, (await fine.ReadJsonAsync((ref System.Text.Json.Utf8JsonReader r) => System.Text.Json.JsonElement.ParseValue(ref r))).GetPropertyCount());
    }

    private sealed class Seen
    {
        public ApiOperation? Operation { get; set; }

        public TimeSpan? Timeout { get; set; }
    }

    private sealed class SeenHandler(Seen seen) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            seen.Operation = request.Options.TryGetValue(ApiRequestOptions.Operation, out var operation) ? operation : null;
            seen.Timeout = request.Options.TryGetValue(ApiRequestOptions.Timeout, out var timeout) ? timeout : null;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
