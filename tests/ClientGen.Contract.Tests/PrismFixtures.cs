using System.Threading.Tasks;
using Xunit;

namespace ClientGen.Contract.Tests;

/// <summary>Prism serving specs/zuora/zuora-reporting.yaml, shared by a test class.</summary>
public sealed class ZuoraPrism : IAsyncLifetime
{
    public PrismServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await PrismServer.StartAsync(PrismServer.Repo("specs", "zuora", "zuora-reporting.yaml"));

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>Prism serving specs/energycap/energycap-report-distribution.yaml, shared by a test class.</summary>
public sealed class EnergyCapPrism : IAsyncLifetime
{
    public PrismServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await PrismServer.StartAsync(PrismServer.Repo("specs", "energycap", "energycap-report-distribution.yaml"));

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
