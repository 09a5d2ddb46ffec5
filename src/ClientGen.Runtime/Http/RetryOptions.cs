using System;

namespace ClientGen.Runtime.Http;

/// <summary>Retry and timeout settings. Defaults follow Microsoft.Extensions.Http.Resilience's standard handler.</summary>
public sealed class RetryOptions
{
    /// <summary>Retries after the first attempt. Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first backoff delay; each retry doubles it. Default 2 s.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest backoff delay. Default 30 s.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one attempt may take. Default 10 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the whole call, retries and waits included, may take. Default 30 s.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The clock used for delays and timeouts (inject a fake one in tests).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>A source of uniform values in [0, 1) for jitter (inject a fixed one in tests).</summary>
    public Func<double> Random { get; set; } = System.Random.Shared.NextDouble;

    /// <summary>A copy on <paramref name="clock"/>: what a pipeline keeps, so later edits of these options do not reach it.</summary>
    internal RetryOptions WithClock(TimeProvider clock) => new()
    {
        MaxRetries = MaxRetries,
        BaseDelay = BaseDelay,
        MaxDelay = MaxDelay,
        AttemptTimeout = AttemptTimeout,
        TotalTimeout = TotalTimeout,
        TimeProvider = clock,
        Random = Random,
    };
}
