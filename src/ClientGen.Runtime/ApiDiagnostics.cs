using System.Diagnostics;

namespace ClientGen.Runtime;

/// <summary>The tracing source of ClientGen clients: one activity per operation call, named after the operationId.</summary>
public static class ApiDiagnostics
{
    /// <summary>The <see cref="ActivitySource"/> name to listen to (for example with OpenTelemetry's AddSource).</summary>
    public const string SourceName = "ClientGen";

    /// <summary>The source itself.</summary>
    public static ActivitySource Source { get; } = new(SourceName, "1.0.0");
}
