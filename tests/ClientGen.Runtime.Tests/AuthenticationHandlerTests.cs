using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using ClientGen.Runtime.Auth;
using ClientGen.Runtime.Generated;
using ClientGen.Testing;
using Microsoft.Kiota.Abstractions.Authentication;
using Xunit;

namespace ClientGen.Runtime.Tests;

/// <summary>The auth handler against a real server: bearer tokens, API keys, operations without security, and a 401 mid-run.</summary>
public sealed class AuthenticationHandlerTests : IAsyncLifetime
{
    private FaultServer _server = null!;
    private readonly HttpClient _tokenHttp = new();

    public async Task InitializeAsync()
    {
        _server = await FaultServer.StartAsync();
        _server.On("/oauth/token", (context, _, n) => FaultServer.Json(context, $$"""{"access_token":"tok-{{n}}","expires_in":3600}"""));
    }

    public async Task DisposeAsync()
    {
        _tokenHttp.Dispose();
        await _server.DisposeAsync();
    }

    private HttpClient ApiClient(DelegatingHandler auth)
    {
        auth.InnerHandler = new SocketsHttpHandler();
        return new HttpClient(auth) { BaseAddress = _server.BaseUri };
    }

    private ClientCredentialsTokenProvider Tokens() => new(new ClientCredentialsOptions
    {
        TokenEndpoint = new Uri(_server.BaseUri, "/oauth/token"),
        ClientId = "c",
        ClientSecret = "s",
    }, _tokenHttp, new TokenCache());

    [Fact]
    public async Task An_expired_token_mid_run_is_refreshed_once_and_the_request_replayed()
    {
        // The API accepts only the newest token: tok-1 is "revoked" once tok-2 exists, like an early expiry.
        _server.On("/api/reportruns/1", (context, request, n) =>
            request.Headers.TryGetValue("Authorization", out var auth) && auth == "Bearer tok-2"
                ? FaultServer.Json(context, """{"status":"COMPLETED"}""")
                : FaultServer.Json(context, """{"message":"expired"}""", 401));
        using var client = ApiClient(new AuthenticationHandler(Tokens()));

        using var response = await client.GetAsync("/api/reportruns/1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _server.Count("/oauth/token"));
        Assert.Equal(2, _server.Count("/api/reportruns/1"));
    }

    [Fact]
    public async Task A_retried_request_is_authenticated_afresh_so_a_token_that_expired_between_attempts_is_replaced()
    {
        // Attempt 1 gets a 503; by attempt 2 tok-1 has expired. The retry must not resend tok-1 as if the caller had set it.
        _server.On("/api/reportruns/2", (context, request, n) =>
            n == 1 ? FaultServer.Json(context, "{}", 503)
            : request.Headers.TryGetValue("Authorization", out var auth) && auth == "Bearer tok-2" ? FaultServer.Json(context, """{"status":"COMPLETED"}""")
            : FaultServer.Json(context, """{"message":"expired"}""", 401));
        var auth = new AuthenticationHandler(Tokens()) { InnerHandler = new SocketsHttpHandler() };
        var retry = new ClientGen.Runtime.Http.RetryHandler(new ClientGen.Runtime.Http.RetryOptions { BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(20) }) { InnerHandler = auth };
        using var client = new HttpClient(retry) { BaseAddress = _server.BaseUri };

        using var response = await client.GetAsync("/api/reportruns/2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _server.Count("/oauth/token"));
    }

    [Fact]
    public async Task A_credential_the_server_keeps_refusing_is_replayed_only_once()
    {
        _server.On("/api/x", (context, _, _) => FaultServer.Json(context, "{}", 401));
        using var client = ApiClient(new AuthenticationHandler(Tokens()));

        using var response = await client.PostAsync("/api/x", new StringContent("{\"a\":1}"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(2, _server.Count("/api/x"));
        Assert.All(_server.Seen, r => Assert.True(r.Path != "/api/x" || r.Body == "{\"a\":1}", "the replay must carry the same body"));
    }

    [Fact]
    public async Task An_operation_whose_spec_declares_no_security_gets_no_token()
    {
        _server.On("/oauth/token2", (context, _, _) => FaultServer.Json(context, "{}"));
        using var client = ApiClient(new AuthenticationHandler(Tokens()));
        var core = new ApiClientCore(client, new ApiClientOptions { BaseAddress = _server.BaseUri });

        using var response = await core.SendAsync(new ApiRequest(new ApiOperation("createToken", "POST", "/oauth/token2"), "/oauth/token2"));

        Assert.False(_server.Seen[^1].Headers.ContainsKey("Authorization"));
        Assert.Equal(0, _server.Count("/oauth/token"));
    }

    [Fact]
    public async Task An_api_key_provider_adds_its_header()
    {
        _server.On("/api/exec", (context, _, _) => FaultServer.Json(context, "{}"));
        var provider = new ApiKeyHeaderProvider("ECI-ApiKey", "key-123");
        using var client = ApiClient(new AuthenticationHandler(provider));

        using var response = await client.PostAsync("/api/exec", null);

        Assert.Equal("key-123", _server.Seen[^1].Headers["ECI-ApiKey"]);
    }

    [Fact]
    public async Task An_api_key_is_never_sent_over_plain_http_to_a_remote_host()
    {
        var provider = new ApiKeyHeaderProvider("ECI-ApiKey", "key-123");
        var request = new Microsoft.Kiota.Abstractions.RequestInformation { URI = new Uri("http://api.example.com/x") };

        await Assert.ThrowsAsync<InvalidOperationException>(() => provider.AuthenticateRequestAsync(request));
        Assert.DoesNotContain("key-123", provider.ToString());
    }

    [Fact]
    public async Task A_static_token_is_sent_as_bearer()
    {
        _server.On("/api/y", (context, _, _) => FaultServer.Json(context, "{}"));
        using var client = ApiClient(new AuthenticationHandler(new StaticAccessTokenProvider("fixed")));

        using var response = await client.GetAsync("/api/y");

        Assert.Equal("Bearer fixed", _server.Seen[^1].Headers["Authorization"]);
    }
}
