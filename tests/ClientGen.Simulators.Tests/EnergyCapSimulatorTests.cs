using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using ClientGen.EnergyCap;
using ClientGen.Runtime;
using ClientGen.Simulators.EnergyCap;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ClientGen.Simulators.Tests;

/// <summary>The EnergyCAP simulator: the API key, exec, and the log's statuses as EnergyCAP documents them.</summary>
public sealed class EnergyCapSimulatorTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private EnergyCapSimulator _energyCap = null!;

    public async Task InitializeAsync() => _energyCap = await EnergyCapSimulator.StartAsync(new EnergyCapSimulatorOptions { TimeProvider = _time });

    public async Task DisposeAsync() => await _energyCap.DisposeAsync();

    private EnergyCapReportDistributionClient Client(string? key = null) =>
        new(new EnergyCapReportDistributionClientOptions { BaseAddress = _energyCap.BaseAddress, ApiKey = key ?? _energyCap.Options.ApiKey });

    [Fact]
    public async Task A_request_without_a_json_content_type_is_refused_body_or_not_and_the_generated_client_sends_one()
    {
        using var http = new HttpClient { BaseAddress = _energyCap.BaseAddress };
        http.DefaultRequestHeaders.Add("ECI-ApiKey", _energyCap.Options.ApiKey);

        using var bare = await http.PostAsync("/api/v202106/reportdistribution/7/exec", null);
        var log = await Client().ExecuteReportDistributionAsync(_energyCap.Options.Distributions[0].Id);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, bare.StatusCode);
        Assert.Contains("JSON content type", await bare.Content.ReadAsStringAsync());
        Assert.Equal(_energyCap.Options.Distributions[0].Id, log.ReportDistribution?.ReportDistributionId);
    }

    [Fact]
    public async Task The_seed_documents_own_request_is_accepted_as_written()
    {
        // EnergyCAP's documented request: POST …/exec with ECI-ApiKey and Content-Type: application/json, no body.
        using var http = new HttpClient { BaseAddress = _energyCap.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v202106/reportdistribution/7/exec?overrideUserIds=11&overrideUserIds=12")
        {
            Content = new ByteArrayContent(Array.Empty<byte>()),
        };
        request.Headers.Add("ECI-ApiKey", _energyCap.Options.ApiKey);
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        using var response = await http.SendAsync(request);
        var log = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, log.GetProperty("numberOfRecipients").GetInt32());
        Assert.Equal(7, log.GetProperty("reportDistribution").GetProperty("reportDistributionId").GetInt32());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-the-key")]
    public async Task Requests_without_the_right_api_key_are_refused(string? key)
    {
        using var http = new HttpClient { BaseAddress = _energyCap.BaseAddress };
        if (key is not null) http.DefaultRequestHeaders.Add("ECI-ApiKey", key);

        using var response = await http.GetAsync("/api/v202106/reportdistribution/log");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("ECI-ApiKey", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Exec_starts_a_log_in_progress_that_completes_and_is_listed_in_progress_only_on_request()
    {
        var client = Client();

        var started = await client.ExecuteReportDistributionAsync(7);
        var hidden = await client.GetReportDistributionLogsAsync();
        var listed = await client.GetReportDistributionLogsAsync(includeInProgress: true);
        _time.Advance(_energyCap.Options.RunDuration);
        var done = Assert.Single(await client.GetReportDistributionLogsAsync());

        Assert.Equal(ReportDistributionStatus.InProgress, started.Status);
        Assert.Null(started.EndDate);
        Assert.Equal(3, started.NumberOfRecipients);
        Assert.Equal("Monthly bills", started.ReportDistribution!.ReportDistributionName);
        Assert.Equal("ADA", started.ReportDistribution.CreatedByUser!.UserCode);
        Assert.Empty(hidden);
        Assert.Equal(started.ReportDistributionLogId, Assert.Single(listed).ReportDistributionLogId);
        Assert.Equal(ReportDistributionStatus.Complete, done.Status);
        Assert.Equal(started.BeginDate + _energyCap.Options.RunDuration, done.EndDate);
    }

    [Theory]
    [InlineData(8, "Some reports not sent")]
    [InlineData(9, "Not sent")]
    public async Task Distributions_that_cannot_send_end_in_their_documented_statuses(int distribution, string status)
    {
        var client = Client();
        var log = await client.ExecuteReportDistributionAsync(distribution);
        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(status, (await client.GetReportDistributionLogsAsync()).Single(l => l.ReportDistributionLogId == log.ReportDistributionLogId).Status!.Value.Value);
    }

    [Fact]
    public async Task Override_user_ids_replace_the_recipients_and_must_name_users()
    {
        var client = Client();

        var log = await client.ExecuteReportDistributionAsync(7, new[] { 11, 11, 12 });
        var unknownUser = await Assert.ThrowsAnyAsync<ApiException>(() => client.ExecuteReportDistributionAsync(7, new[] { 999 }));
        var unknownDistribution = await Assert.ThrowsAnyAsync<ApiException>(() => client.ExecuteReportDistributionAsync(404));

        Assert.Equal(2, log.NumberOfRecipients);
        Assert.Equal(400, unknownUser.StatusCode);
        Assert.Equal(404, unknownDistribution.StatusCode);
        Assert.Equal(1, _energyCap.RunsStarted);
    }

    [Fact]
    public async Task The_error_statuses_EnergyCap_does_not_document_can_be_chosen()
    {
        await using var other = await EnergyCapSimulator.StartAsync(new EnergyCapSimulatorOptions { TimeProvider = _time, ContentTypeErrorStatus = 400, UnknownDistributionStatus = 400 });
        using var http = new HttpClient { BaseAddress = other.BaseAddress };
        http.DefaultRequestHeaders.Add("ECI-ApiKey", other.Options.ApiKey);
        var client = new EnergyCapReportDistributionClient(new EnergyCapReportDistributionClientOptions { BaseAddress = other.BaseAddress, ApiKey = other.Options.ApiKey });

        using var bare = await http.PostAsync("/api/v202106/reportdistribution/7/exec", null);
        var unknown = await Assert.ThrowsAnyAsync<ApiException>(() => client.ExecuteReportDistributionAsync(404));

        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Equal(400, unknown.StatusCode);
    }
}
