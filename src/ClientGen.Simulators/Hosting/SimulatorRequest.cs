using System.Collections.Generic;

namespace ClientGen.Simulators.Hosting;

/// <summary>One request as a simulator received it, and what it answered.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path, without the query string.</param>
/// <param name="Query">The query string with its leading '?', or empty.</param>
/// <param name="Headers">The request headers (case-insensitive keys).</param>
/// <param name="StatusCode">The status answered; 0 when the connection was dropped.</param>
public sealed record SimulatorRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, int StatusCode);
