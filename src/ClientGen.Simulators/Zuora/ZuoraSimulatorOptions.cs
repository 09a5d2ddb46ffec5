using System;
using System.Collections.Generic;

namespace ClientGen.Simulators.Zuora;

/// <summary>How the Zuora simulator behaves.</summary>
public sealed class ZuoraSimulatorOptions
{
    /// <summary>The OAuth client id accepted by <c>/oauth/token</c>.</summary>
    public string ClientId { get; set; } = "zuora-simulator-client";

    /// <summary>Its secret.</summary>
    public string ClientSecret { get; set; } = "zuora-simulator-secret";

    /// <summary>How long a token is valid (Zuora: about one hour).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromSeconds(3599);

    /// <summary>How long a run stays in each of STARTED, QUERYDATA and PROCESSINGDATA.</summary>
    public TimeSpan PhaseDuration { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long Run a Report takes to answer: a retry with the same Idempotency-Key meanwhile gets 409.</summary>
    public TimeSpan RunStartLatency { get; set; } = TimeSpan.Zero;

    /// <summary>How long an Idempotency-Key is remembered (Zuora: 24 hours).</summary>
    public TimeSpan IdempotencyRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Responses larger than this many bytes are gzipped when the client accepts gzip (Zuora: 1000).</summary>
    public int CompressionThreshold { get; set; } = 1000;

    /// <summary>
    /// What an empty filter array means to Run a Report, which Zuora's page does not say. True (the spec's reading): the
    /// report runs with its saved filters. False: a 400, to test a client against the stricter reading.
    /// </summary>
    public bool EmptyFiltersRunSavedFilters { get; set; } = true;

    /// <summary>The reports that can be run.</summary>
    public IList<ZuoraSimulatedReport> Reports { get; } = new List<ZuoraSimulatedReport>
    {
        ZuoraSimulatedReport.ActiveAccounts,
        ZuoraSimulatedReport.InvalidDefinition,
        ZuoraSimulatedReport.FailingQuery,
    };

    /// <summary>The clock runs advance on; the system clock when null.</summary>
    public TimeProvider? TimeProvider { get; set; }
}
