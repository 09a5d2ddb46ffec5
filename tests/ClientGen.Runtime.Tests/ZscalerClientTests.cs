using System;
using System.Linq;
using System.Threading.Tasks;
using ClientGen.Runtime.Auth;
using ClientGen.Runtime.Tests.Infrastructure;
using ClientGen.ZscalerUvm;
using Xunit;

namespace ClientGen.Runtime.Tests;

/// <summary>The generated Zscaler UVM client on the wire: operation headers, region tokens, and the typed JSON scalar.</summary>
public sealed class ZscalerClientTests : IAsyncLifetime
{
    private FaultServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await FaultServer.StartAsync();
        _server.On("/oauth2/token", (context, _, n) => FaultServer.Json(context, $$"""{"access_token":"zs-{{n}}","token_type":"Bearer","expires_in":3600}"""));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private ZscalerUvmReportingClient Client() => new(new ZscalerUvmReportingClientOptions
    {
        BaseAddress = new Uri(_server.BaseUri, "/api/graphql"),
        AccountId = "acct-42",
        ClientCredentials = new ClientCredentialsOptions { ClientId = "zs-id", ClientSecret = "zs-secret" },
        TokenCache = new TokenCache(),
    });

    [Fact]
    public async Task Process_report_sends_the_documented_request_with_operation_headers_and_a_region_token()
    {
        _server.On("/api/graphql", (context, _, _) => FaultServer.Json(context, """{"data":{"processReport":{"runId":"run-7"}}}"""));

        var response = await Client().ProcessReportAsync("report-1", isPresignedUrl: true);

        Assert.Equal("run-7", response.GetDataOrThrow().ProcessReport!.RunId);
        var call = _server.Seen.Single(r => r.Path == "/api/graphql");
        Assert.Equal("processReport", call.Headers["graphqlname"]);
        Assert.Equal("acct-42", call.Headers["accountId"]);
        Assert.Equal("Bearer zs-1", call.Headers["Authorization"]);
        Assert.Contains("\"operationName\":\"processReport\"", call.Body);
        Assert.Contains("\"variables\":{\"id\":\"report-1\",\"isPresignedUrl\":true}", call.Body);
        Assert.Contains("client_id=zs-id", _server.Seen.Single(r => r.Path == "/oauth2/token").Body);
    }

    [Theory]
    [InlineData("""{"data":{"getReportRunStatus":{"runId":"run-7","status":"Completed","presignedUrl":"https://files.example/r.csv?sig=abc"}}}""")]
    [InlineData("""{"data":{"getReportRunStatus":"{\"runId\":\"run-7\",\"status\":\"Completed\",\"presignedUrl\":\"https://files.example/r.csv?sig=abc\"}"}}""")]
    public async Task The_json_scalar_is_read_as_a_typed_record_whether_object_or_encoded_string(string body)
    {
        _server.On("/api/graphql", (context, _, _) => FaultServer.Json(context, body));

        var run = (await Client().GetReportRunStatusAsync(reportId: "report-1", runId: "run-7")).GetDataOrThrow().GetReportRunStatus!;

        Assert.Equal(ReportRunStatus.Completed, run.Status);
        Assert.Equal("https://files.example/r.csv?sig=abc", run.PresignedUrl);
    }

    [Fact]
    public async Task An_unknown_status_is_kept()
    {
        _server.On("/api/graphql", (context, _, _) => FaultServer.Json(context, """{"data":{"getReportRunStatus":{"runId":"r","status":"Queued"}}}"""));

        var run = (await Client().GetReportRunStatusAsync(runId: "r")).GetDataOrThrow().GetReportRunStatus!;

        Assert.Equal("Queued", run.Status!.Value.Value);
        Assert.False(run.Status.Value.IsKnown);
    }

    [Fact]
    public void Regions_carry_their_own_token_hosts()
    {
        Assert.Equal(new Uri("https://auth.eu.app.avalor.io/oauth2/token"), ZscalerUvmReportingClientEnvironments.Eu.TokenEndpoint);
        var options = new ZscalerUvmReportingClientOptions { Environment = ZscalerUvmReportingClientEnvironments.Eu };
        Assert.Equal(new Uri("https://auth.eu.app.avalor.io/oauth2/token"), ApiPipeline.TokenEndpointFor(options));
        Assert.Equal(new Uri("https://api.us01.app.avalor.io/api/graphql"), new ZscalerUvmReportingClientOptions().EffectiveBaseAddress);
    }
}
