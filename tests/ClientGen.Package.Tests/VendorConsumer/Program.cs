// Runs a Zuora report to completion against the packaged simulator through the packaged client; the test reads the last line.
using ClientGen.Runtime.Auth;
using ClientGen.Simulators.Zuora;
using ClientGen.Zuora;

await using var zuora = await ZuoraSimulator.StartAsync(new ZuoraSimulatorOptions { PhaseDuration = TimeSpan.FromMilliseconds(100) });
var client = new ZuoraReportingClient(new ZuoraReportingClientOptions
{
    BaseAddress = zuora.BaseAddress,
    ClientCredentials = new ClientCredentialsOptions { ClientId = zuora.Options.ClientId, ClientSecret = zuora.Options.ClientSecret },
});
var done = await client.RunReportAndWaitAsync(ZuoraSimulatedReport.ActiveAccounts.Id, ViewType.Detail, Array.Empty<FilterGroup>());
Console.WriteLine($"zuora {done.Response.Status.Value} {typeof(ClientGen.EnergyCap.EnergyCapReportDistributionClient).Name} {typeof(ClientGen.ZscalerUvm.ZscalerUvmReportingClient).Name}");
