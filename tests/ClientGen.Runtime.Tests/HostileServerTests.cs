using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ClientGen.Runtime.Auth;
using ClientGen.Runtime.Generated;
using ClientGen.Runtime.Http;
using ClientGen.Runtime.Polling;
using ClientGen.Testing;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace ClientGen.Runtime.Tests;

/// <summary>
/// What an independent hostile server found: stalled bodies, hung token endpoints, polls hung past a deadline,
/// unusable token lifetimes, bodies that are not what their encoding says, and credentials echoed in errors.
/// Real time and short timeouts: each fault must end in a typed error; a hang fails at the guard instead.
/// </summary>
public sealed class HostileServerTests : IAsyncLifetime
{
    private static readonly TimeSpan s_guard = TimeSpan.FromSeconds(30);
    private static readonly ApiOperation s_getThing = new("getThing", "GET", "/thing");
    private FaultServer _server = null!;

    public async Task InitializeAsync() => _server = await FaultServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private ApiClientCore Core(Action<ApiClientOptions>? configure = null)
    {
        var options = new ApiClientOptions
        {
            BaseAddress = _server.BaseUri,
            Retry = new RetryOptions { MaxRetries = 0, AttemptTimeout = TimeSpan.FromSeconds(1), TotalTimeout = TimeSpan.FromSeconds(3) },
        };
        configure?.Invoke(options);
        return new ApiClientCore(ApiPipeline.CreateHttpClient(options), options);
    }

    private static async Task Stall(HttpContext context)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client gave up: that is what the test waits for.
        }
    }

    [Fact]
    public async Task A_body_that_stalls_after_its_headers_is_a_TimeoutException_not_a_hang()
    {
        _server.On("/thing", async (context, _, _) =>
        {
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = 200;
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes("{\"name\":\"ab"));
            await context.Response.Body.FlushAsync();
            await Stall(context);
        });
        var core = Core();
        var clock = Stopwatch.StartNew();

        using var response = await core.SendAsync(new ApiRequest(s_getThing, "/thing")).WaitAsync(s_guard);
        var error = await Assert.ThrowsAsync<TimeoutException>(() => response.ReadTextAsync().WaitAsync(s_guard));

        Assert.Contains("getThing", error.Message);
        Assert.Contains("attempt timeout of 1 s", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_stalled_error_body_still_gives_the_status_as_an_ApiException()
    {
        _server.On("/thing", async (context, _, _) =>
        {
            context.Response.StatusCode = 404;
            context.Response.ContentLength = 100;
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes("{\"err"));
            await context.Response.Body.FlushAsync();
            await Stall(context);
        });

        using var response = await Core().SendAsync(new ApiRequest(s_getThing, "/thing")).WaitAsync(s_guard);
        var error = await response.CreateExceptionAsync().WaitAsync(s_guard);

        Assert.Equal(404, error.StatusCode);
    }

    [Fact]
    public async Task A_body_that_claims_gzip_but_is_not_is_ApiResponseFormatException()
    {
        _server.On("/thing", async (context, _, _) =>
        {
            context.Response.ContentType = "application/json";
            context.Response.Headers.ContentEncoding = "gzip";
            await context.Response.WriteAsync("{\"name\":\"plain\"}");
        });

        using var response = await Core().SendAsync(new ApiRequest(s_getThing, "/thing")).WaitAsync(s_guard);
        var error = await Assert.ThrowsAsync<ApiResponseFormatException>(() => response.ReadJsonAsync((ref Utf8JsonReader reader) => JsonElement.ParseValue(ref reader)).WaitAsync(s_guard));

        Assert.Equal("getThing", error.OperationId);
        Assert.Equal(200, error.StatusCode);
    }

    [Fact]
    public async Task A_hung_token_endpoint_fails_every_waiting_caller_with_TokenRequestException_and_the_next_call_retries()
    {
        var hang = true;
        _server.On("/oauth/token", async (context, _, _) =>
        {
            if (Volatile.Read(ref hang)) await Stall(context);
            else await FaultServer.Json(context, """{"access_token":"fresh-token","expires_in":3600}""");
        });
        using var tokenHttp = new HttpClient();
        var provider = new ClientCredentialsTokenProvider(
            new ClientCredentialsOptions { TokenEndpoint = new Uri(_server.BaseUri, "/oauth/token"), ClientId = "c", ClientSecret = "s", TokenRequestTimeout = TimeSpan.FromSeconds(2) },
            tokenHttp, new TokenCache());
        var clock = Stopwatch.StartNew();

        var callers = Enumerable.Range(0, 5).Select(_ => provider.GetTokenAsync()).ToList();
        using var impatient = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => provider.GetTokenAsync(cancellationToken: impatient.Token).WaitAsync(s_guard));
        foreach (var caller in callers)
        {
            var error = await Assert.ThrowsAsync<TokenRequestException>(() => caller.WaitAsync(s_guard));
            Assert.Contains("did not answer within 2 s", error.Message);
        }
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Equal(1, _server.Count("/oauth/token"));

        Volatile.Write(ref hang, false);
        var token = await provider.GetTokenAsync().WaitAsync(s_guard);
        Assert.Equal("fresh-token", token.Value);
        Assert.Equal(2, _server.Count("/oauth/token"));
    }

    [Theory]
    [InlineData("\"NaN\"")]
    [InlineData("-5")]
    [InlineData("0")]
    [InlineData("\"soon\"")]
    [InlineData("{}")]
    public async Task An_unusable_expires_in_is_one_TokenRequestException(string expiresIn)
    {
        var provider = TokenProviderAnswering($$"""{"access_token":"t-123456","expires_in":{{expiresIn}}}""");

        var error = await Assert.ThrowsAsync<TokenRequestException>(() => provider.GetTokenAsync().WaitAsync(s_guard));

        Assert.Contains("expires_in", error.Message);
        Assert.DoesNotContain("t-123456", error.Message);
    }

    [Theory]
    [InlineData("1e20")]
    [InlineData("315537897600")]
    [InlineData("\"3600\"")]
    public async Task A_huge_or_quoted_expires_in_gives_a_token_valid_for_at_most_a_year(string expiresIn)
    {
        var provider = TokenProviderAnswering($$"""{"access_token":"t-123456","expires_in":{{expiresIn}}}""");

        var token = await provider.GetTokenAsync().WaitAsync(s_guard);

        Assert.Equal("t-123456", token.Value);
        Assert.InRange(token.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(59), DateTimeOffset.UtcNow.AddDays(366));
    }

    [Fact]
    public async Task A_token_living_shorter_than_the_refresh_skew_is_still_reused()
    {
        var provider = TokenProviderAnswering("""{"access_token":"short-lived","expires_in":30}""");

        for (var call = 0; call < 5; call++) await provider.GetTokenAsync().WaitAsync(s_guard);

        Assert.Equal(1, _server.Count("/oauth/token"));
    }

    private ClientCredentialsTokenProvider TokenProviderAnswering(string json)
    {
        _server.On("/oauth/token", (context, _, _) => FaultServer.Json(context, json));
        return new ClientCredentialsTokenProvider(
            new ClientCredentialsOptions { TokenEndpoint = new Uri(_server.BaseUri, "/oauth/token"), ClientId = "c", ClientSecret = "s" },
            new HttpClient(), new TokenCache());
    }

    [Fact]
    public async Task A_wait_ends_at_its_deadline_while_a_poll_hangs()
    {
        _server.On("/status", async (context, _, n) =>
        {
            if (n >= 2) await Stall(context);
            else await FaultServer.Json(context, """{"status":"RUNNING"}""");
        });
        using var http = new HttpClient { BaseAddress = _server.BaseUri };
        var definition = new WaiterDefinition("Done", new[] { "DONE" }, Array.Empty<string>(), new[] { "RUNNING" }) { MinDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(1) };
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<WaiterTimeoutException>(() => Waiter.WaitAsync(
            definition,
            async cancellationToken => JsonDocument.Parse(await http.GetStringAsync("/status", cancellationToken)),
            document => document.RootElement.GetProperty("status").GetString(),
            null,
            new WaitOptions { Timeout = TimeSpan.FromSeconds(3) },
            TimeProvider.System,
            CancellationToken.None).WaitAsync(s_guard));

        Assert.Equal("RUNNING", error.LastStatus);
        Assert.InRange(clock.Elapsed.TotalSeconds, 2.9, 3 + Waiter.FinalPollBudget.TotalSeconds + 1.5);
    }

    [Fact]
    public async Task A_credential_a_server_echoes_never_reaches_the_exception()
    {
        const string bearer = "eyJhbGciOi.secret-bearer-token.sig";
        _server.On("/thing", async (context, request, _) =>
        {
            var auth = request.Headers["Authorization"];
            context.Response.Headers["X-Echo"] = auth;
            await FaultServer.Json(context, $$"""{"message":"invalid token {{bearer}}","header":"{{auth}}","key":"{{request.Headers["X-Api-Key"]}}"}""", 401);
        });
        var core = Core(o => o.BearerToken = bearer);
        var request = new ApiRequest(s_getThing with { Security = new[] { "bearer" } }, "/thing");
        request.AddHeader("X-Api-Key", "key-abcdef-123");

        using var response = await core.SendAsync(request).WaitAsync(s_guard);
        var error = await response.CreateExceptionAsync((ref Utf8JsonReader reader) => JsonElement.ParseValue(ref reader)).WaitAsync(s_guard);

        Assert.Equal(401, error.StatusCode);
        foreach (var secret in new[] { bearer, "key-abcdef-123" })
        {
            Assert.DoesNotContain(secret, error.Message);
            Assert.DoesNotContain(secret, error.ToString());
            Assert.DoesNotContain(secret, error.ResponseBody);
            Assert.DoesNotContain(error.Headers.Values.SelectMany(v => v), v => v.Contains(secret));
            Assert.DoesNotContain(secret, Assert.IsType<ApiException<JsonElement>>(error).Error.GetRawText());
        }
        Assert.Contains("invalid token ***", error.ResponseBody);
    }
}
