using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ClientGen.Runtime.Auth;
using ClientGen.Testing;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ClientGen.Runtime.Tests;

/// <summary>Client-credentials tokens against a real token endpoint: cached, single-flight, refreshed early, never shared across keys.</summary>
public sealed class TokenCacheTests : IAsyncLifetime
{
    private const string Secret = "s3cr3t-value-that-must-not-leak";
    private FaultServer _server = null!;
    private readonly HttpClient _http = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync()
    {
        _server = await FaultServer.StartAsync();
        _server.On("/oauth/token", async (context, request, n) =>
        {
            await Task.Delay(50); // long enough for every concurrent caller to pile up behind the first
            await FaultServer.Json(context, $$"""{"access_token":"tok-{{n}}","token_type":"bearer","expires_in":120}""");
        });
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private ClientCredentialsTokenProvider Provider(TokenCache cache, string? scope = null, ClientCredentialStyle style = ClientCredentialStyle.FormBody) =>
        new(new ClientCredentialsOptions
        {
            TokenEndpoint = new Uri(_server.BaseUri, "/oauth/token"),
            ClientId = "client-1",
            ClientSecret = Secret,
            Scope = scope,
            Style = style,
        }, _http, cache, _time);

    [Fact]
    public void An_entity_with_no_header_to_carry_it_is_refused_when_the_provider_is_built()
    {
        var options = new ClientCredentialsOptions { TokenEndpoint = new Uri(_server.BaseUri, "/oauth/token"), ClientId = "id", ClientSecret = Secret, Entity = "entity-1" };

        var error = Assert.Throws<ArgumentException>(() => new ClientCredentialsTokenProvider(options, _http));

        Assert.Contains("EntityHeader", error.Message);
        options.EntityHeader = "Acme-Entity";
        Assert.NotNull(new ClientCredentialsTokenProvider(options, _http));
    }

    [Fact]
    public async Task A_hundred_concurrent_callers_cause_exactly_one_token_request()
    {
        var provider = Provider(new TokenCache());

        var tokens = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() => provider.GetAuthorizationTokenAsync(new Uri("https://api.example.com/x")))));

        Assert.Equal(1, _server.Count("/oauth/token"));
        Assert.All(tokens, token => Assert.Equal("tok-1", token));
    }

    [Fact]
    public async Task Errors_reach_every_waiting_caller_and_are_not_cached()
    {
        _server.On("/oauth/token", async (context, request, n) =>
        {
            await Task.Delay(50);
            if (n == 1) await FaultServer.Json(context, $$"""{"error":"server_error","echo":"{{Secret}}"}""", 500);
            else await FaultServer.Json(context, """{"access_token":"tok-ok","expires_in":3600}""");
        });
        var provider = Provider(new TokenCache());

        var failures = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
            await Assert.ThrowsAsync<TokenRequestException>(() => provider.GetAuthorizationTokenAsync(new Uri("https://api.example.com"))))));
        var token = await provider.GetAuthorizationTokenAsync(new Uri("https://api.example.com"));

        Assert.Equal(2, _server.Count("/oauth/token"));
        Assert.Equal("tok-ok", token);
        Assert.All(failures, f => Assert.Equal(500, f.StatusCode));
        Assert.All(failures, f => Assert.DoesNotContain(Secret, f.Message + f.ResponseBody + f));
    }

    [Fact]
    public async Task A_token_is_reused_until_the_refresh_skew_and_then_refreshed()
    {
        var provider = Provider(new TokenCache());

        var first = await provider.GetTokenAsync();
        _time.Advance(TimeSpan.FromSeconds(59)); // 61 s left of 120: still outside the 60 s skew
        var second = await provider.GetTokenAsync();
        _time.Advance(TimeSpan.FromSeconds(2)); // 59 s left: inside the skew
        var third = await provider.GetTokenAsync();

        Assert.Equal("tok-1", first.Value);
        Assert.Equal("tok-1", second.Value);
        Assert.Equal("tok-2", third.Value);
        Assert.Equal(2, _server.Count("/oauth/token"));
    }

    [Fact]
    public async Task Different_scopes_never_share_a_token()
    {
        var cache = new TokenCache();
        var read = Provider(cache, scope: "read");
        var write = Provider(cache, scope: "write");

        var a = await read.GetTokenAsync();
        var b = await write.GetTokenAsync();
        var a2 = await read.GetTokenAsync();

        Assert.NotEqual(a.Value, b.Value);
        Assert.Equal(a.Value, a2.Value);
        Assert.Equal(2, _server.Count("/oauth/token"));
        Assert.Contains(_server.Seen, r => r.Body.Contains("scope=read"));
        Assert.Contains(_server.Seen, r => r.Body.Contains("scope=write"));
    }

    [Fact]
    public async Task A_rejected_token_is_replaced_but_a_newer_one_is_reused()
    {
        var provider = Provider(new TokenCache());
        var first = await provider.GetTokenAsync();

        var replaced = await provider.GetTokenAsync(rejectedToken: first.Value);
        var again = await provider.GetTokenAsync(rejectedToken: first.Value); // a second 401 for the old token: the new one is fine

        Assert.Equal("tok-2", replaced.Value);
        Assert.Equal("tok-2", again.Value);
        Assert.Equal(2, _server.Count("/oauth/token"));
    }

    [Theory]
    [InlineData(ClientCredentialStyle.FormBody)]
    [InlineData(ClientCredentialStyle.BasicHeader)]
    public async Task Credentials_go_in_the_form_or_a_basic_header(ClientCredentialStyle style)
    {
        await Provider(new TokenCache(), style: style).GetTokenAsync();

        var request = Assert.Single(_server.Seen);
        Assert.Contains("grant_type=client_credentials", request.Body);
        if (style == ClientCredentialStyle.FormBody)
        {
            Assert.Contains("client_id=client-1", request.Body);
            Assert.Contains("client_secret=" + Secret, request.Body);
            Assert.False(request.Headers.ContainsKey("Authorization"));
        }
        else
        {
            Assert.DoesNotContain(Secret, request.Body);
            Assert.Equal("Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("client-1:" + Secret)), request.Headers["Authorization"]);
        }
    }

    [Fact]
    public async Task A_token_response_without_a_token_is_a_clear_error()
    {
        _server.On("/oauth/token", (context, _, _) => FaultServer.Json(context, "<html>maintenance</html>"));

        var error = await Assert.ThrowsAsync<TokenRequestException>(() => Provider(new TokenCache()).GetTokenAsync());

        Assert.Contains("not JSON", error.Message);
    }

    [Fact]
    public void Secrets_do_not_appear_in_ToString()
    {
        var options = new ClientCredentialsOptions { ClientId = "c", ClientSecret = Secret, TokenEndpoint = new Uri("https://x/oauth/token") };

        Assert.DoesNotContain(Secret, options.ToString());
        Assert.DoesNotContain(Secret, Provider(new TokenCache()).ToString());
        Assert.DoesNotContain("abc", new AccessToken("abc", DateTimeOffset.UnixEpoch).ToString());
    }
}
