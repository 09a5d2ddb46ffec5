using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using ClientGen.Runtime.GraphQl;
using GqlFixtures;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ClientGen.Generated.Tests;

/// <summary>The generated GraphQL client executing against a real GraphQL engine (graphql-dotnet) on 127.0.0.1.</summary>
public sealed class GraphQlEndToEndTests : IAsyncLifetime
{
    private GraphQlServer _server = null!;
    private readonly HttpClient _http = new();
    private ReportsClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await GraphQlServer.StartAsync();
        _client = new ReportsClient(_http, new ReportsClientOptions { BaseAddress = _server.Endpoint });
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_query_with_a_fragment_returns_typed_data_and_sends_the_operation_name()
    {
        var response = await _client.ReportByIdAsync("r-1");

        Assert.True(response.IsSuccess);
        var report = response.Data!.Report!;
        Assert.Equal("Revenue", report.Name);
        Assert.Equal(RunStatus.Completed, report.Status);
        Assert.Equal("ada", report.Owner!.Login);
        var (headers, request) = Assert.Single(_server.Requests);
        Assert.Equal("reportById", headers["graphqlname"]);
        Assert.Equal("reportById", request.OperationName);
        Assert.Contains("fragment ReportFields on Report", request.Query);
    }

    [Fact]
    public async Task A_GraphQL_client_registers_with_IHttpClientFactory_and_binds_its_options_from_configuration()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ClientGen:Reports:BaseAddress"] = _server.Endpoint.ToString() })
            .Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddReportsClient();
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<IReportsClient>();
        var response = await client.ReportByIdAsync("r-1");

        Assert.Equal("Revenue", response.GetDataOrThrow().Report!.Name);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task An_optional_variable_left_null_is_not_sent()
    {
        var all = await _client.ReportsByStatusAsync();
        var running = await _client.ReportsByStatusAsync(RunStatus.Running);

        Assert.Equal(2, all.GetDataOrThrow().Reports.Count);
        Assert.Equal("Churn", Assert.Single(running.GetDataOrThrow().Reports).Name);
        Assert.Empty(_server.Requests.First().Request.Variables ?? GraphQL.Inputs.Empty); // unset, not null
    }

    [Fact]
    public async Task An_explicit_null_variable_is_sent_as_null_unlike_an_unset_one()
    {
        var response = await _client.ReportsByStatusAsync(status: null);

        Assert.Equal(2, response.GetDataOrThrow().Reports.Count);
        var variables = _server.Requests.Single().Request.Variables!;
        Assert.True(variables.ContainsKey("status"));
        Assert.Null(variables["status"]);
    }

    [Fact]
    public async Task A_mutation_with_an_input_object_runs()
    {
        var run = (await _client.StartRunAsync("r-1", presigned: true)).GetDataOrThrow().StartRun;

        Assert.Equal("run-r-1-presigned", run.RunId);
        Assert.Equal(RunStatus.Running, run.Status);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_input_field_left_unset_is_omitted_and_one_set_to_null_is_sent_as_null(bool setNull)
    {
        var input = setNull ? new StartRunInput { ReportId = "r-2", Presigned = null } : new StartRunInput { ReportId = "r-2" };

        var run = (await _client.StartRunWithInputAsync(input)).GetDataOrThrow().StartRun;

        Assert.Equal("run-r-2", run.RunId);
        var sent = (System.Collections.Generic.IDictionary<string, object?>)_server.Requests.Single().Request.Variables!["input"]!;
        Assert.Equal(setNull, sent.ContainsKey("presigned"));
        if (setNull) Assert.Null(sent["presigned"]);
    }

    [Fact]
    public async Task Graphql_errors_with_http_200_keep_partial_data_and_errors_apart()
    {
        var response = await _client.ReportByIdAsync("broken");

        Assert.Equal(200, response.StatusCode);
        Assert.True(response.IsPartial);
        Assert.Null(response.Data!.Report);
        var error = Assert.Single(response.Errors);
        Assert.Contains("report store unavailable", error.Message);
        Assert.Equal(new[] { "report" }, error.Path);
        var thrown = Assert.Throws<GraphQlException>(() => response.GetDataOrThrow());
        Assert.True(thrown.HadPartialData);
    }

    [Fact]
    public async Task Union_results_become_derived_records_chosen_by_typename()
    {
        var results = (await _client.SearchAsync("rev")).GetDataOrThrow().Search;

        Assert.Collection(results,
            first => Assert.Equal("Revenue", Assert.IsType<SearchSearchReport>(first).Name),
            second => Assert.Equal("rev", Assert.IsType<SearchSearchUser>(second).Login));
        Assert.Contains("__typename", _server.Requests.Single().Request.Query);
    }

    [Fact]
    public async Task A_missing_report_is_null_data_not_an_error()
    {
        var response = await _client.ReportByIdAsync("nope");

        Assert.True(response.IsSuccess);
        Assert.Null(response.Data!.Report);
    }
}
