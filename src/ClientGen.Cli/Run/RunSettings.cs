using System;
using System.IO;

namespace ClientGen.Cli.Run;

/// <summary>What <c>clientgen run</c> was asked to do; the credentials for real vendors come from options or the environment.</summary>
internal sealed record RunSettings
{
    /// <summary>Named environment (or base URL) of the real vendor; each vendor's own variable when null.</summary>
    public string? Environment { get; init; }

    /// <summary>Use the simulators even when credentials are configured.</summary>
    public bool ForceSimulator { get; init; }

    /// <summary>Inject the standard fault plan into the simulators.</summary>
    public bool Faults { get; init; }

    /// <summary>Result rows (or file lines) to show.</summary>
    public int Rows { get; init; } = 5;

    /// <summary>Where downloaded report files are written.</summary>
    public DirectoryInfo Output { get; init; } = new(Path.Combine("artifacts", "reports"));

    /// <summary>Report, distribution or report id to run instead of the configured one.</summary>
    public string? Report { get; init; }

    /// <summary>OAuth client id (Zuora, Zscaler).</summary>
    public string? ClientId { get; init; }

    /// <summary>OAuth client secret (Zuora, Zscaler).</summary>
    public string? ClientSecret { get; init; }

    /// <summary>EnergyCAP API key.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Zscaler account id.</summary>
    public string? AccountId { get; init; }

    /// <summary>Reads an environment variable (replaced in tests).</summary>
    public Func<string, string?> Variables { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>An option's value, else the environment variable's.</summary>
    public string? Setting(string? option, string variable) => string.IsNullOrWhiteSpace(option) ? NullIfEmpty(Variables(variable)) : option;

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
