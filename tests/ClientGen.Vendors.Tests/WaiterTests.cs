using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ClientGen.Runtime.Polling;
using ClientGen.Runtime.Generated;
using ClientGen.Testing;
using ClientGen.Zuora;
using Microsoft.Extensions.Time.Testing;
using ClientGen.Runtime;
using Xunit;

namespace ClientGen.Vendors.Tests;

/// <summary>The spec-declared ReportRunCompleted waiter of the generated Zuora client, against a scripted run on fake time.</summary>
public sealed class WaiterTests : IAsyncLifetime
{
    private const string RunPath = "/reporting/api/rest/v1/reportruns/run-1";
    private FaultServer _server = null!;
    private readonly HttpClient _http = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));
    private int _runsStarted;

    public async Task InitializeAsync()
    {
        _server = await FaultServer.StartAsync();
        _server.On("/reporting/api/rest/v1/reports/R-1/reportrun", (context, _, _) =>
        {
            Interlocked.Increment(ref _runsStarted);
            return FaultServer.Json(context, """{"success":true,"response":{"reportRunId":"run-1"}}""");
        });
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    /// <summary>Runs on fake time that holds still while the server is handling a request.</summary>
    private Task<T> RunFake<T>(Func<Task<T>> operation) => FakeClock.RunAsync(_time, operation, () => _server.IsBusy);

    private ZuoraReportingClient Client() => new(_http, new ZuoraReportingClientOptions
    {
        BaseAddress = new Uri(_server.BaseUri, "/reporting/api/rest/v1"),
        TimeProvider = _time,
    });

    private static Task Status(Microsoft.AspNetCore.Http.HttpContext context, string status) =>
        FaultServer.Json(context, $$$"""{"success":true,"response":{"id":"run-1","status":"{{{status}}}"}}""");

    private static WaitOptions Options(Action<WaitOptions>? configure = null)
    {
        var options = new WaitOptions { Random = () => 1.0 };
        configure?.Invoke(options);
        return options;
    }

    [Fact]
    public async Task Run_and_wait_starts_once_and_polls_through_throttling_and_server_errors_to_completion()
    {
        string[] script = { "STARTED", "429", "QUERYDATA", "503", "PROCESSINGDATA", "COMPLETED" };
        _server.On(RunPath, (context, _, n) => script[n - 1] switch
        {
            "429" => Throttle(context),
            "503" => FaultServer.Json(context, "upstream down", 503),
            var status => Status(context, status),
        });
        var seen = new ConcurrentQueue<WaitProgress>();
        var start = _time.GetUtcNow();

        var result = await RunFake(() => Client().RunReportAndWaitAsync("R-1", ViewType.Detail, Array.Empty<FilterGroup>(),
            waitOptions: Options(o => o.Progress = new SyncProgress(seen.Enqueue))));

        Assert.Equal(ReportRunStatus.Completed, result.Response.Status);
        Assert.Equal(1, _runsStarted);
        Assert.Equal(6, _server.Count(RunPath));
        Assert.Equal(new[] { "STARTED", null, "QUERYDATA", null, "PROCESSINGDATA", "COMPLETED" }, seen.Select(p => p.Status));
        Assert.All(seen.Where(p => p.Status is null), p => Assert.IsAssignableFrom<ApiException>(p.TransientError));
        // Delays 2, then the Retry-After of 10 (over the computed 4), then 8, 16, 30. The fake clock moves in
        // 0.1 s steps, hence the small upper margin.
        Assert.InRange((_time.GetUtcNow() - start).TotalSeconds, 66, 66.5);
    }

    private static Task Throttle(Microsoft.AspNetCore.Http.HttpContext context)
    {
        context.Response.Headers.RetryAfter = "10";
        return FaultServer.Json(context, """{"success":false,"message":"rate limited"}""", 429);
    }

    [Theory]
    [InlineData("ERROR")]
    [InlineData("CANCELLED")]
    [InlineData("INVALID")]
    public async Task A_failure_status_ends_the_wait_with_a_typed_failure(string status)
    {
        _server.On(RunPath, (context, _, n) => Status(context, n < 3 ? "QUERYDATA" : status));

        var error = await Assert.ThrowsAsync<WaiterFailedException>(() => RunFake(() => Client().WaitForReportRunCompletedAsync("run-1", options: Options())));

        Assert.Equal(status, error.Status);
        Assert.Equal("ReportRunCompleted", error.Waiter);
        Assert.Equal(status, Assert.IsType<ReportRunResponse>(error.LastResponse).Response.Status.Value);
        Assert.Equal(3, _server.Count(RunPath));
    }

    [Fact]
    public async Task The_deadline_is_exact_with_one_last_poll_at_it()
    {
        _server.On(RunPath, (context, _, _) => Status(context, "PROCESSINGDATA"));
        var start = _time.GetUtcNow();

        var error = await Assert.ThrowsAsync<WaiterTimeoutException>(() => RunFake(() =>
            Client().WaitForReportRunCompletedAsync("run-1", options: Options(o => o.Timeout = TimeSpan.FromSeconds(60)))));

        // Polls at 0, 2, 6, 14, 30 and — the next 30 s delay would leave less than the 2 s minimum — at exactly 60.
        Assert.Equal(6, _server.Count(RunPath));
        Assert.Equal(6, error.Attempts);
        Assert.Equal("PROCESSINGDATA", error.LastStatus);
        Assert.InRange((_time.GetUtcNow() - start).TotalSeconds, 60, 60.7);
    }

    [Theory]
    [InlineData(UnknownStatusBehavior.KeepPolling)]
    [InlineData(UnknownStatusBehavior.Fail)]
    public async Task An_unknown_status_follows_the_documented_behaviour(UnknownStatusBehavior behavior)
    {
        _server.On(RunPath, (context, _, n) => Status(context, n == 1 ? "ARCHIVING" : "COMPLETED"));
        var wait = () => RunFake(() => Client().WaitForReportRunCompletedAsync("run-1", options: Options(o => o.UnknownStatus = behavior)));

        if (behavior == UnknownStatusBehavior.KeepPolling)
        {
            Assert.Equal(ReportRunStatus.Completed, (await wait()).Response.Status);
            Assert.Equal(2, _server.Count(RunPath));
        }
        else
        {
            var error = await Assert.ThrowsAsync<WaiterFailedException>(wait);
            Assert.Equal("ARCHIVING", error.Status);
            Assert.Equal(1, _server.Count(RunPath));
        }
    }

    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 0)]
    public async Task Cancelling_the_wait_cancels_the_run_on_the_vendor_only_when_asked(bool cancelOnVendor, int deletes)
    {
        _server.On(RunPath, (context, request, _) => request.Method == "DELETE"
            ? FaultServer.Json(context, """{"success":true,"response":"The report run has been canceled"}""")
            : Status(context, "QUERYDATA"));
        using var cts = new CancellationTokenSource();

        var wait = Client().WaitForReportRunCompletedAsync("run-1", options: Options(o => o.CancelOnVendorWhenCancelled = cancelOnVendor), cancellationToken: cts.Token);
        while (_server.Count(RunPath) == 0) await Task.Delay(5);
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
        Assert.Equal(deletes, _server.Seen.Count(r => r.Method == "DELETE" && r.Path == RunPath));
    }

    [Fact]
    public async Task Another_process_resumes_the_wait_from_a_serialized_handle_without_starting_a_new_run()
    {
        _server.On(RunPath, (context, _, n) => Status(context, n < 4 ? "QUERYDATA" : "COMPLETED"));
        string? saved = null;
        using var crash = new CancellationTokenSource();

        // Process A starts the run, persists the handle, and dies while waiting.
        var first = Client().RunReportAndWaitAsync("R-1", ViewType.Detail, Array.Empty<FilterGroup>(), callOptions: new ApiCallOptions { Entity = "entity-7" },
            waitOptions: Options(o => o.Started = handle => { saved = handle.ToJson(); crash.Cancel(); }), cancellationToken: crash.Token);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);

        // Process B, with only the saved text.
        var handle = OperationHandle.Parse(saved!);
        var result = await RunFake(() => Client().ResumeReportRunCompletedAsync(handle, Options()));

        Assert.Equal(ReportRunStatus.Completed, result.Response.Status);
        Assert.Equal(1, _runsStarted);
        Assert.Equal("run-1", handle.Id);
        Assert.Equal("entity-7", handle.Entity);
        Assert.All(_server.Seen.Where(r => r.Path == RunPath), r => Assert.Equal("entity-7", r.Headers["Zuora-Entity-Ids"]));
    }

    [Fact]
    public async Task A_handle_for_another_tenant_address_is_refused()
    {
        var handle = new OperationHandle("ZuoraReportingClient", "ReportRunCompleted", "run-1", new Uri("https://rest.eu.zuora.com/reporting/api/rest/v1"), null);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Client().ResumeReportRunCompletedAsync(handle));

        Assert.Contains("wrong tenant", error.Message);
        Assert.Empty(_server.Seen);
        Assert.Throws<FormatException>(() => OperationHandle.Parse("{\"api\":\"x\"}"));
    }

    [Fact]
    public void Delays_grow_exponentially_between_the_minimum_and_the_maximum()
    {
        var definition = new WaiterDefinition("w", new[] { "done" }, Array.Empty<string>(), Array.Empty<string>()) { MinDelay = TimeSpan.FromSeconds(2), MaxDelay = TimeSpan.FromSeconds(30) };

        Assert.Equal(new[] { 2.0, 4, 8, 16, 30, 30 }, Enumerable.Range(1, 6).Select(n => Waiter.Delay(definition, n, () => 1.0).TotalSeconds));
        Assert.All(Enumerable.Range(1, 6), n => Assert.Equal(2.0, Waiter.Delay(definition, n, () => 0.0).TotalSeconds));
    }

    private sealed class SyncProgress(Action<WaitProgress> report) : IProgress<WaitProgress>
    {
        public void Report(WaitProgress value) => report(value);
    }
}
