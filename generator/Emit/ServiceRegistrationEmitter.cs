using ClientGen.Generator.Model;
using ClientGen.Generator.Naming;

namespace ClientGen.Generator.Emit;

/// <summary>
/// Emits <c>services.Add{Client}()</c>: the client's interface and class registered with IHttpClientFactory, options bound
/// from configuration. It needs only the client's name and namespace, so REST and GraphQL clients share it.
/// </summary>
internal static class ServiceRegistrationEmitter
{
    public static GeneratedFile File(string ns, string name) =>
        Emitter.File(ns, CompanionTypes.ServiceRegistration(name), w => Emit(w, ns, name));

    private static void Emit(SourceWriter w, string ns, string name)
    {
        var section = "ClientGen:" + (name.EndsWith("Client", System.StringComparison.Ordinal) ? name.Substring(0, name.Length - "Client".Length) : name);
        w.Line($$"""
            /// <summary>Registers <see cref="I{{name}}"/> with IHttpClientFactory, retries and the spec's authentication.</summary>
            {{Emitter.GeneratedCodeAttribute}}
            public static partial class {{name}}ServiceCollectionExtensions
            {
                /// <summary>
                /// Registers <see cref="I{{name}}"/> (and <see cref="{{name}}"/>). Options are bound from the configuration section
                /// <paramref name="configurationSection"/> (BaseAddress, Environment, ClientCredentials, ApiKey, BearerToken, Retry),
                /// then <paramref name="configure"/> runs.
                /// </summary>
                /// <param name="services">The service collection.</param>
                /// <param name="configure">Sets options in code, after configuration binding.</param>
                /// <param name="configurationSection">The configuration section to bind; "{{section}}" by default, null to skip.</param>
                /// <returns>The HttpClient builder, to add handlers of your own.</returns>
                public static global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder Add{{name}}(
                    this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services,
                    global::System.Action<global::{{ns}}.{{name}}Options>? configure = null,
                    string? configurationSection = {{Text.Literal(section)}})
                    => {{RuntimeContract.ApiClientServiceCollectionExtensions}}.AddApiClient<global::{{ns}}.I{{name}}, global::{{ns}}.{{name}}, global::{{ns}}.{{name}}Options>(
                        services,
                        static (http, options) => new global::{{ns}}.{{name}}(http, options),
                        configure,
                        configurationSection);
            }
            """);
    }
}
