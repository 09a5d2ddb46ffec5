using System;
using System.Text.Json;
using System.Threading.Tasks;
using ClientGen.Testing;
using ClientGen.Runtime.Generated;
using Xunit;

namespace ClientGen.Runtime.Tests;

/// <summary>A documented error body always reaches the caller typed; the idempotency meaning of a status is the spec's to declare.</summary>
public sealed class ErrorBodyTests : IAsyncLifetime
{
    private static readonly ApiOperation s_create = new("createInvoice", "POST", "/invoices") { IdempotencyKeyHeader = "Idempotency-Key" };
    private FaultServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await FaultServer.StartAsync();
        _server.On("/invoices", (context, _, _) => FaultServer.Json(context, """{"title":"amount must be positive","status":422}""", 422));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<ApiResponse> PostAsync()
    {
        var options = new ApiClientOptions { BaseAddress = _server.BaseUri };
        var request = new ApiRequest(s_create, "/invoices");
        request.SetJson("{}", static (writer, _) => { writer.WriteStartObject(); writer.WriteEndObject(); });
        return await new ApiClientCore(ApiPipeline.CreateHttpClient(options), options).SendAsync(request);
    }

    private static JsonElement ReadProblem(ref Utf8JsonReader reader) => JsonElement.ParseValue(ref reader);

    [Fact]
    public async Task A_documented_422_on_a_keyed_request_is_the_typed_error_not_an_idempotency_refusal()
    {
        using var response = await PostAsync();
        Assert.NotNull(response.IdempotencyKey);

        var error = await response.CreateExceptionAsync(ReadProblem);

        var typed = Assert.IsType<ApiException<JsonElement>>(error);
        Assert.Equal("amount must be positive", typed.Error.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_status_the_spec_declares_as_key_reused_is_an_IdempotencyException_that_still_carries_the_typed_body()
    {
        using var response = await PostAsync();

        var error = await response.CreateIdempotencyExceptionAsync(ReadProblem, inProgress: false);

        var refusal = Assert.IsType<IdempotencyException>(error);
        Assert.False(refusal.IsInProgress);
        Assert.Equal(response.IdempotencyKey, refusal.IdempotencyKey);
        Assert.Equal("amount must be positive", Assert.IsType<JsonElement>(refusal.Error).GetProperty("title").GetString());
        Assert.Contains("amount must be positive", refusal.ResponseBody);
    }
}
