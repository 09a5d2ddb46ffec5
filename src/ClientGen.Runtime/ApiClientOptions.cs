using System;

namespace ClientGen.Runtime;

/// <summary>Where a generated client sends its requests. Generated clients derive their own options from this.</summary>
public class ApiClientOptions
{
    /// <summary>One of the environments the spec documents. Used unless <see cref="BaseAddress"/> is set.</summary>
    public ApiEnvironment? Environment { get; set; }

    /// <summary>Any base address (a simulator, a proxy, a tenant-specific host). Takes precedence over <see cref="Environment"/>.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The address requests are resolved against, or null to rely on the HttpClient's own base address.</summary>
    public Uri? EffectiveBaseAddress => BaseAddress ?? Environment?.BaseAddress;
}
