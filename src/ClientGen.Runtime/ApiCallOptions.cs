using System;
using System.Collections.Generic;

namespace ClientGen.Runtime;

/// <summary>
/// What one call may change about how it is sent, passed as the <c>callOptions</c> argument every generated
/// operation takes: headers, a timeout, the idempotency key, the track id and the tenant entity. The runtime reads
/// these options and never changes them, so one instance can be shared by many calls.
/// </summary>
/// <example><code>
/// await client.RunReportAsync(reportId, ViewType.Detailed, filters,
///     new ApiCallOptions { IdempotencyKey = storedKey, TrackId = "nightly-42", Timeout = TimeSpan.FromSeconds(90) });
/// </code></example>
public sealed class ApiCallOptions
{
    /// <summary>An empty set of options.</summary>
    public ApiCallOptions()
    {
    }

    private ApiCallOptions(ApiCallOptions other)
    {
        foreach (var header in other.Headers) Headers[header.Key] = header.Value;
        Timeout = other.Timeout;
        IdempotencyKey = other.IdempotencyKey;
        TrackId = other.TrackId;
        Entity = other.Entity;
    }

    /// <summary>
    /// Headers added to the request, replacing one of the same name the spec's parameters or the client's default
    /// headers set (names are case-insensitive). The client's authentication still applies.
    /// </summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The longest the whole call may take, retries and the response body included; the client's
    /// <c>Retry.TotalTimeout</c> when null. Exceeding it is a <see cref="TimeoutException"/>.
    /// </summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>
    /// The idempotency key for an operation that declares one (for example Zuora's <c>Idempotency-Key</c>). When null,
    /// the client generates one per call; pass a key you stored to repeat a call safely from another process.
    /// </summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>A tracing id sent in the header the spec names (<c>x-clientgen-track-id-header</c>, else <c>X-Track-Id</c>).</summary>
    public string? TrackId { get; init; }

    /// <summary>
    /// The tenant entity the call is for, sent in the header the spec's security scheme names
    /// (<c>x-clientgen-entity-header</c>, for example <c>Zuora-Entity-Ids</c>).
    /// </summary>
    public string? Entity { get; init; }

    /// <summary>These options for the calls a wait makes after its start: without the start's idempotency key.</summary>
    internal ApiCallOptions ForFollowUpCalls() => IdempotencyKey is null ? this : new ApiCallOptions(this) { IdempotencyKey = null };

    /// <summary>These options with <paramref name="entity"/>, unless they already name one.</summary>
    internal ApiCallOptions WithEntity(string entity) => Entity is not null ? this : new ApiCallOptions(this) { Entity = entity };
}
