using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ClientGen.Testing;
using ClientGen.Runtime.Generated;
using ClientGen.Zuora;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ClientGen.Runtime;
using Xunit;

namespace ClientGen.Vendors.Tests;

/// <summary>The generated services.AddZuoraReportingClient registration with IHttpClientFactory and configuration binding.</summary>
public sealed class ServiceRegistrationTests : IAsyncLifetime
{
    private FaultServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await FaultServer.StartAsync();
        _server.On("/oauth/token", (context, _, n) => FaultServer.Json(context, $$"""{"access_token":"di-{{n}}","expires_in":3600}"""));
        _server.On("/reporting/api/rest/v1/reportruns/run-1", (context, request, _) =>
            FaultServer.Json(context, $$$"""{"success":true,"response":{"id":"run-1","status":"STARTED","reportDefinition":"{{{request.Headers["Authorization"]}}}"}}"""));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Adding_the_standard_resilience_handler_is_refused_instead_of_multiplying_retries()
    {
        _server.On("/reporting/api/rest/v1/reportruns/busy", (context, _, _) => FaultServer.Json(context, "{}", 503));
        var services = new ServiceCollection();
        services.AddZuoraReportingClient(options => options.BaseAddress = new Uri(_server.BaseUri, "/reporting/api/rest/v1")).AddStandardResilienceHandler();
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IZuoraReportingClient>());

        Assert.Contains("two retry layers", error.Message);
        Assert.Contains("Retry.MaxRetries = 0", error.Message);
        Assert.Equal(0, _server.Count("/reporting/api/rest/v1/reportruns/busy"));
    }

    [Fact]
    public async Task The_retry_layer_is_configured_through_the_clients_named_options()
    {
        _server.On("/reporting/api/rest/v1/reportruns/busy", (context, _, _) => FaultServer.Json(context, "{}", 503));
        var services = new ServiceCollection();
        services.AddZuoraReportingClient(options => options.BaseAddress = new Uri(_server.BaseUri, "/reporting/api/rest/v1"));
        services.Configure<ZuoraReportingClientOptions>(typeof(ZuoraReportingClient).FullName, options =>
        {
            options.Retry.MaxRetries = 1;
            options.Retry.BaseDelay = TimeSpan.FromMilliseconds(1);
        });
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<IZuoraReportingClient>();
        await Assert.ThrowsAsync<ApiException>(() => client.GetReportRunAsync("busy"));

        Assert.Equal(2, _server.Count("/reporting/api/rest/v1/reportruns/busy"));
    }

    [Fact]
    public async Task With_the_runtimes_retries_off_the_standard_resilience_handler_is_the_only_retry_layer()
    {
        _server.On("/reporting/api/rest/v1/reportruns/busy", (context, _, _) => FaultServer.Json(context, "{}", 503));
        var services = new ServiceCollection();
        services.AddZuoraReportingClient(options =>
        {
            options.BaseAddress = new Uri(_server.BaseUri, "/reporting/api/rest/v1");
            options.Retry.MaxRetries = 0;
        }).AddStandardResilienceHandler(o => o.Retry.Delay = TimeSpan.FromMilliseconds(1));
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<IZuoraReportingClient>();
        await Assert.ThrowsAsync<ApiException>(() => client.GetReportRunAsync("busy"));

        Assert.Equal(4, _server.Count("/reporting/api/rest/v1/reportruns/busy")); // the standard handler's 1 + 3, not 4 × 4
    }

    [Fact]
    public async Task The_client_resolves_with_options_bound_from_configuration_and_the_spec_auth()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ClientGen:ZuoraReporting:BaseAddress"] = new Uri(_server.BaseUri, "/reporting/api/rest/v1").ToString(),
            ["ClientGen:ZuoraReporting:ClientCredentials:ClientId"] = "from-config",
            ["ClientGen:ZuoraReporting:ClientCredentials:ClientSecret"] = "config-secret",
            ["ClientGen:ZuoraReporting:Retry:MaxRetries"] = "1",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddZuoraReportingClient(options => options.TokenCache = new ClientGen.Runtime.Auth.TokenCache());
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<IZuoraReportingClient>();
        var run = await client.GetReportRunAsync("run-1");

        Assert.Equal("Bearer di-1", run.Response.ReportDefinition);
        Assert.Contains("client_id=from-config", _server.Seen.Single(r => r.Path == "/oauth/token").Body);
        Assert.Same(typeof(ZuoraReportingClient), provider.GetRequiredService<ZuoraReportingClient>().GetType());
    }

    [Fact]
    public void An_environment_is_bound_by_name_and_an_unknown_one_is_a_clear_error()
    {
        var options = new ZuoraReportingClientOptions();
        var good = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Environment"] = "ApiSandboxEuDataCenter" }).Build();
        var bad = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Environment"] = "Mars" }).Build();

        ApiClientOptionsBinder.Bind(good, options);
        var error = Assert.Throws<InvalidOperationException>(() => ApiClientOptionsBinder.Bind(bad, new ZuoraReportingClientOptions()));

        Assert.Equal(ZuoraReportingClientEnvironments.ApiSandboxEuDataCenter, options.Environment);
        Assert.Contains("ApiSandboxEuDataCenter", error.Message);
    }
}
