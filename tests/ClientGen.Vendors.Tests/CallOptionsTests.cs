using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ClientGen.Runtime;
using ClientGen.Runtime.Auth;
using ClientGen.Runtime.Polling;
using ClientGen.Testing;
using ClientGen.Zuora;
using Xunit;

namespace ClientGen.Vendors.Tests;

/// <summary>ApiCallOptions on the wire: what one call may change, against a Kestrel server.</summary>
public sealed class CallOptionsTests : IAsyncLifetime
{
    private FaultServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await FaultServer.StartAsync();
        _server.On("/oauth/token", (context, _, n) => FaultServer.Json(context, $$"""{"access_token":"tok-{{n}}","token_type":"bearer","expires_in":3600}"""));
        _server.On("/reporting/api/rest/v1/reports/R-1/reportrun", (context, _, _) => FaultServer.Json(context, """{"success":true,"response":{"reportRunId":"run-1"}}"""));
        _server.On("/reporting/api/rest/v1/reportruns/run-1", (context, _, _) => FaultServer.Json(context, """{"success":true,"response":{"id":"run-1","status":"COMPLETED"}}"""));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private ZuoraReportingClient Client() => new(new ZuoraReportingClientOptions
    {
        BaseAddress = new Uri(_server.BaseUri, "/reporting/api/rest/v1"),
        ClientCredentials = new ClientCredentialsOptions { ClientId = "id", ClientSecret = "secret" },
        TokenCache = new TokenCache(),
    });

    [Fact]
    public async Task Call_options_send_the_specs_idempotency_track_and_entity_headers_and_the_callers_own()
    {
        var options = new ApiCallOptions { IdempotencyKey = "key-1", TrackId = "track-1", Entity = "entity-1", Headers = { ["X-Batch"] = "nightly" } };

        await Client().RunReportAsync("R-1", ViewType.Detail, Array.Empty<FilterGroup>(), options);

        var call = _server.Seen.Single(r => r.Path.EndsWith("/reportrun", StringComparison.Ordinal));
        Assert.Equal("key-1", call.Headers["Idempotency-Key"]);
        Assert.Equal("track-1", call.Headers["Zuora-Track-Id"]);
        Assert.Equal("entity-1", call.Headers["Zuora-Entity-Ids"]);
        Assert.Equal("nightly", call.Headers["X-Batch"]);
        Assert.Equal("Bearer tok-1", call.Headers["Authorization"]);
        Assert.Empty(options.Headers.Keys.Except(new[] { "X-Batch" })); // the runtime never writes into the caller's options
    }

    [Fact]
    public async Task A_header_in_call_options_replaces_the_clients_default_header_of_the_same_name()
    {
        var client = new ZuoraReportingClient(new ZuoraReportingClientOptions
        {
            BaseAddress = new Uri(_server.BaseUri, "/reporting/api/rest/v1"),
            ClientCredentials = new ClientCredentialsOptions { ClientId = "id", ClientSecret = "secret" },
            TokenCache = new TokenCache(),
            DefaultHeaders = { ["X-Team"] = "billing" },
        });

        await client.GetReportRunAsync("run-1", new ApiCallOptions { Headers = { ["x-team"] = "finance" } });
        await client.GetReportRunAsync("run-1");

        var calls = _server.Seen.Where(r => r.Path.EndsWith("/run-1", StringComparison.Ordinal)).ToList();
        Assert.Equal("finance", calls[0].Headers["X-Team"]);
        Assert.Equal("billing", calls[1].Headers["X-Team"]);
    }

    [Fact]
    public async Task A_calls_own_timeout_ends_a_hung_call_with_a_timeout_error_naming_it()
    {
        _server.On("/reporting/api/rest/v1/reportruns/hung", (context, _, _) => Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => Client().GetReportRunAsync("hung", new ApiCallOptions { Timeout = TimeSpan.FromMilliseconds(300) }));

        Assert.Contains("0.3 s", error.Message);
    }

    [Fact]
    public async Task A_track_id_longer_than_the_spec_allows_is_refused_before_anything_is_sent()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Client().GetReportRunAsync("run-1", new ApiCallOptions { TrackId = new string('t', 65) }));

        Assert.Contains("Zuora-Track-Id", error.Message);
        Assert.DoesNotContain(_server.Seen, r => r.Path.EndsWith("/run-1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_start_and_wait_polls_with_the_starts_entity_but_not_its_idempotency_key()
    {
        var options = new ApiCallOptions { IdempotencyKey = "key-7", Entity = "entity-7" };

        await Client().RunReportAndWaitAsync("R-1", ViewType.Detail, Array.Empty<FilterGroup>(), options, new WaitOptions { MinDelay = TimeSpan.FromMilliseconds(10) });

        var poll = _server.Seen.First(r => r.Path.EndsWith("/reportruns/run-1", StringComparison.Ordinal));
        Assert.Equal("entity-7", poll.Headers["Zuora-Entity-Ids"]);
        Assert.False(poll.Headers.ContainsKey("Idempotency-Key"));
    }

    [Fact]
    public async Task A_resumed_wait_sends_its_polls_for_the_handles_entity()
    {
        var handle = Client().CreateReportRunCompletedHandle("run-1", entity: "entity-3");

        await Client().ResumeReportRunCompletedAsync(OperationHandle.Parse(handle.ToJson()));

        Assert.Equal("entity-3", _server.Seen.First(r => r.Path.EndsWith("/reportruns/run-1", StringComparison.Ordinal)).Headers["Zuora-Entity-Ids"]);
    }
}
