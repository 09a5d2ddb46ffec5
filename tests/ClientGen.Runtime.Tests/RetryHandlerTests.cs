using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ClientGen.Runtime.Http;
using ClientGen.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ClientGen.Runtime.Tests;

/// <summary>Retries against a real server with injected faults, on fake time: what is retried, how long it waits, and what never is.</summary>
public sealed class RetryHandlerTests : IAsyncLifetime
{
    [Fact]
    public void Building_a_pipeline_leaves_the_callers_retry_options_as_they_were()
    {
        var retry = new RetryOptions { MaxRetries = 5 };
        var options = new ApiClientOptions { BaseAddress = new Uri("http://127.0.0.1:9/"), Retry = retry, TimeProvider = new FakeTimeProvider() };

        using var client = ApiPipeline.CreateHttpClient(options);
        var handler = ApiPipeline.CreateRetryHandler(options);

        Assert.NotNull(handler);
        Assert.Same(TimeProvider.System, retry.TimeProvider);
        Assert.Equal(5, retry.MaxRetries);
    }

    private FaultServer _server = null!;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));
    private readonly ListLogger<RetryHandler> _log = new();

    public async Task InitializeAsync() => _server = await FaultServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private HttpClient Client(RetryOptions? options = null)
    {
        options ??= new RetryOptions();
        options.TimeProvider = _time;
        options.Random = () => 1.0; // the top of the jitter range, so expected delays are exact
        return new HttpClient(new RetryHandler(options, _log) { InnerHandler = new SocketsHttpHandler() }) { BaseAddress = _server.BaseUri };
    }

    private Task<HttpResponseMessage> Timed(Func<Task<HttpResponseMessage>> send) => FakeClock.RunAsync(_time, send, () => _server.IsBusy);

    [Fact]
    public async Task A_get_is_retried_through_5xx_with_exponential_backoff()
    {
        _server.On("/r", (context, _, n) => n < 3 ? FaultServer.Json(context, "{}", n == 1 ? 500 : 503) : FaultServer.Json(context, """{"ok":true}"""));
        using var client = Client();
        var start = _time.GetUtcNow();

        using var response = await Timed(() => client.GetAsync("/r"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, _server.Count("/r"));
        var elapsed = _time.GetUtcNow() - start;
        Assert.InRange(elapsed.TotalSeconds, 6, 6.3); // 2 s, then 4 s
    }

    [Theory]
    [InlineData("5", 5)]
    [InlineData("date", 7)]
    public async Task Retry_after_is_honoured_as_seconds_or_an_http_date(string form, int seconds)
    {
        _server.On("/r", (context, _, n) =>
        {
            if (n > 1) return FaultServer.Json(context, "{}");
            context.Response.Headers.RetryAfter = form == "date" ? (_time.GetUtcNow() + TimeSpan.FromSeconds(seconds)).ToString("R") : form;
            return FaultServer.Json(context, "{}", 429);
        });
        using var client = Client();
        var start = _time.GetUtcNow();

        using var response = await Timed(() => client.GetAsync("/r"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.InRange((_time.GetUtcNow() - start).TotalSeconds, seconds - 1, seconds + 0.3);
    }

    [Fact]
    public async Task A_retry_after_past_the_deadline_is_not_waited_for()
    {
        _server.On("/r", (context, _, _) =>
        {
            context.Response.Headers.RetryAfter = "120";
            return FaultServer.Json(context, "{}", 429);
        });
        using var client = Client(new RetryOptions { TotalTimeout = TimeSpan.FromSeconds(30) });
        var start = _time.GetUtcNow();

        using var response = await Timed(() => client.GetAsync("/r"));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(1, _server.Count("/r"));
        Assert.True(_time.GetUtcNow() - start < TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_post_without_an_idempotency_key_is_never_retried_after_it_reached_the_server()
    {
        _server.On("/run", (context, _, _) => FaultServer.Json(context, "{}", 503));
        using var client = Client();

        using var response = await Timed(() => client.PostAsync("/run", new StringContent("{}")));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, _server.Count("/run"));
    }

    [Fact]
    public async Task A_post_with_an_idempotency_key_is_retried_with_the_identical_key_and_body()
    {
        _server.On("/run", (context, _, n) => n < 3 ? FaultServer.Json(context, "{}", 502) : FaultServer.Json(context, """{"id":"run-1"}"""));
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/run") { Content = new StringContent("""{"report":"R"}""") };
        request.Headers.Add("Idempotency-Key", "k-123");

        using var response = await Timed(() => client.SendAsync(request));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var attempts = _server.Seen.Where(r => r.Path == "/run").ToList();
        Assert.Equal(3, attempts.Count);
        Assert.All(attempts, a => Assert.Equal("k-123", a.Headers["Idempotency-Key"]));
        Assert.All(attempts, a => Assert.Equal("""{"report":"R"}""", a.Body));
    }

    [Fact]
    public async Task A_dropped_connection_is_retried_for_a_get_but_not_for_an_unkeyed_post()
    {
        _server.On("/drop", (context, _, n) =>
        {
            if (n == 1 || n == 3) context.Abort();
            else return FaultServer.Json(context, "{}");
            return Task.CompletedTask;
        });
        using var client = Client();

        using var get = await Timed(() => client.GetAsync("/drop"));
        var post = await Assert.ThrowsAsync<HttpRequestException>(() => Timed(() => client.PostAsync("/drop", new StringContent("{}"))));

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(3, _server.Count("/drop")); // GET: dropped + retried; POST: dropped, not retried
        Assert.NotNull(post);
    }

    [Fact]
    public async Task A_post_that_never_left_the_client_is_retried()
    {
        var closed = await FaultServer.StartAsync();
        var address = closed.BaseUri;
        await closed.DisposeAsync(); // nothing listens there any more: connections are refused
        var counter = new CountingHandler { InnerHandler = new SocketsHttpHandler() };
        var options = new RetryOptions { TimeProvider = _time, Random = () => 1.0, MaxRetries = 2 };
        using var client = new HttpClient(new RetryHandler(options) { InnerHandler = counter }) { BaseAddress = address };

        await Assert.ThrowsAsync<HttpRequestException>(() => FakeClock.RunAsync(_time, () => client.PostAsync("/run", new StringContent("{}"))));

        Assert.Equal(3, counter.Count);
    }

    [Fact]
    public async Task A_slow_attempt_times_out_and_is_retried()
    {
        _server.On("/slow", async (context, _, n) =>
        {
            if (n == 1) await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted).ContinueWith(_ => { });
            else await FaultServer.Json(context, "{}");
        });
        var options = new RetryOptions { AttemptTimeout = TimeSpan.FromMilliseconds(300), BaseDelay = TimeSpan.FromMilliseconds(10), TimeProvider = TimeProvider.System };
        using var client = new HttpClient(new RetryHandler(options) { InnerHandler = new SocketsHttpHandler() }) { BaseAddress = _server.BaseUri };

        using var response = await client.GetAsync("/slow");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _server.Count("/slow"));
    }

    [Fact]
    public async Task Cancelling_during_a_backoff_sleep_stops_at_once()
    {
        _server.On("/r", (context, _, _) => FaultServer.Json(context, "{}", 503));
        using var client = Client(new RetryOptions { BaseDelay = TimeSpan.FromSeconds(20), TotalTimeout = TimeSpan.FromMinutes(5) });
        using var cts = new CancellationTokenSource();

        var call = client.GetAsync("/r", cts.Token);
        while (_server.Count("/r") == 0) await Task.Delay(5);
        await Task.Delay(50);
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(1, _server.Count("/r"));
    }

    [Fact]
    public async Task The_total_timeout_bounds_the_whole_call_in_fake_time()
    {
        _server.On("/r", (context, _, _) => FaultServer.Json(context, "{}", 503));
        using var client = Client(new RetryOptions { MaxRetries = 50, BaseDelay = TimeSpan.FromSeconds(4), MaxDelay = TimeSpan.FromSeconds(4), TotalTimeout = TimeSpan.FromSeconds(30) });
        var start = _time.GetUtcNow();

        using var response = await Timed(() => client.GetAsync("/r"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(_time.GetUtcNow() - start <= TimeSpan.FromSeconds(30.2), $"elapsed {_time.GetUtcNow() - start}");
        Assert.InRange(_server.Count("/r"), 7, 8); // one attempt every 4 s within 30 s
        Assert.All(_log.Lines, line => Assert.DoesNotContain("Bearer", line));
    }

    private sealed class CountingHandler : DelegatingHandler
    {
        public int Count;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Count);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
