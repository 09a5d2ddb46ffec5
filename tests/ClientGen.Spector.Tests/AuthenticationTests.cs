using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ClientGen.Runtime;
using ClientGen.Spector.Tests.Scenarios;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Xunit;
using Task = System.Threading.Tasks.Task;

namespace ClientGen.Spector.Tests;

/// <summary>
/// Spector's <c>authentication/*</c> scenarios with the credential set where a user sets it, on the client's options:
/// the key, the token or a provider for a custom scheme. Nothing is forwarded from the scenario's headers, so a pass
/// means the client's own authentication wrote the header. An "invalid" scenario passes when the 403 reaches the
/// caller as an <see cref="ApiException"/>.
/// </summary>
[Collection(SpectorCollection.Name)]
public sealed class AuthenticationTests(SpectorServer server) : IDisposable
{
    // Spector's OAuth2 scenarios accept the scope itself as the token (what the Azure SDKs' test credential issues).
    private const string ScopeToken = "https://security.microsoft.com/.default";

    private readonly HttpClient _http = new();

    public static IEnumerable<object[]> Credentials() =>
    [
        ["Authentication_ApiKey_valid", "key", "valid-key"],
        ["Authentication_ApiKey_invalid", "key", "invalid-key"],
        ["Authentication_Http_Custom_valid", "SharedAccessKey", "valid-key"],
        ["Authentication_Http_Custom_invalid", "SharedAccessKey", "invalid-key"],
        ["Authentication_Noauth_Union_validNoAuth", "none", ""],
        ["Authentication_Noauth_Union_validToken", "token", ScopeToken],
        ["Authentication_OAuth2_valid", "token", ScopeToken],
        ["Authentication_OAuth2_invalid", "token", "not-a-token"],
        ["Authentication_Union_validKey", "key", "valid-key"],
        ["Authentication_Union_validToken", "token", ScopeToken],
    ];

    [Theory]
    [MemberData(nameof(Credentials))]
    public async Task A_credential_set_on_the_options_authenticates_the_call(string scenario, string kind, string secret)
    {
        var driver = new ScenarioDriver(server.BaseAddress, _http, options =>
        {
            switch (kind)
            {
                case "key": options.ApiKey = secret; break;
                case "token": options.BearerToken = secret; break;
                case "SharedAccessKey": options.AuthenticationProvider = new SchemeProvider(kind, secret); break;
            }
        });
        await ScenarioOutcomes.RunAsync(scenario, () => driver.RunAsync(SpectorScenario.Named(scenario)));
    }

    public void Dispose() => _http.Dispose();

    // An HTTP scheme the runtime has no option for (Authorization: SharedAccessKey <key>) is a provider the user writes.
    private sealed class SchemeProvider(string scheme, string secret) : IAuthenticationProvider
    {
        public Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
        {
            request.Headers.TryAdd("Authorization", $"{scheme} {secret}");
            return Task.CompletedTask;
        }
    }
}
