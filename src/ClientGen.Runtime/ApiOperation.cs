using System;
using System.Collections.Generic;

namespace ClientGen.Runtime;

/// <summary>
/// What the spec says about one operation, handed to the runtime with every request so that
/// handlers (auth, retries, idempotency, polling) can act on it without the client being regenerated.
/// </summary>
/// <param name="OperationId">The spec's operationId (or the derived name when it has none).</param>
/// <param name="Method">The HTTP method, upper case.</param>
/// <param name="PathTemplate">The path as the spec writes it, with <c>{parameters}</c>.</param>
public sealed record ApiOperation(string OperationId, string Method, string PathTemplate)
{
    /// <summary>The header that carries an idempotency key, when the spec declares one (for example <c>Idempotency-Key</c>).</summary>
    public string? IdempotencyKeyHeader { get; init; }

    /// <summary>The names of the security schemes that apply to this operation.</summary>
    public IReadOnlyList<string> Security { get; init; } = Array.Empty<string>();

    /// <summary>Servers declared on the operation itself, overriding the client's environment (for example a token endpoint on another host).</summary>
    public IReadOnlyList<ApiEnvironment> Servers { get; init; } = Array.Empty<ApiEnvironment>();

    /// <summary>
    /// True when the operation only reads (a GraphQL query): it may be retried after reaching the server
    /// although it is sent with POST.
    /// </summary>
    public bool IsSafe { get; init; }

    /// <summary>True when the spec marks the operation deprecated.</summary>
    public bool IsDeprecated { get; init; }
}
