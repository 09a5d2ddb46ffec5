using System;
using System.Net.Http;
using ClientGen.Runtime.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClientGen.Runtime;

/// <summary>
/// Registers a generated client with <see cref="IHttpClientFactory"/>: named options (bound from
/// configuration, then your delegate), the runtime's transport, retry and authentication handlers.
/// Generated code calls this from its own <c>services.Add{Client}(...)</c>. The runtime's retry handler is the one
/// retry layer: adding a resilience handler with retries to the returned builder is refused when the client is created.
/// </summary>
public static class ApiClientServiceCollectionExtensions
{
    /// <summary>Registers <typeparamref name="TInterface"/> as a transient client over a named HttpClient.</summary>
    public static IHttpClientBuilder AddApiClient<TInterface, TClient, TOptions>(
        this IServiceCollection services,
        Func<HttpClient, TOptions, TClient> create,
        Action<TOptions>? configure,
        string? configurationSection)
        where TInterface : class
        where TClient : class, TInterface
        where TOptions : ApiClientOptions, new()
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(create);
        var name = typeof(TClient).FullName!;

        services.AddOptions<TOptions>(name).Configure<IServiceProvider>((options, provider) =>
        {
            if (configurationSection is not null && provider.GetService<IConfiguration>() is { } configuration)
            {
                ApiClientOptionsBinder.Bind(configuration.GetSection(configurationSection), options);
            }
            configure?.Invoke(options);
            options.LoggerFactory ??= provider.GetService<ILoggerFactory>();
            if (provider.GetService<TimeProvider>() is { } time) options.TimeProvider = time;
        });

        TOptions Options(IServiceProvider provider) => provider.GetRequiredService<IOptionsMonitor<TOptions>>().Get(name);

        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Http.IHttpMessageHandlerBuilderFilter, RetryLayerGuard>());
        services.AddHttpClient(name + ".Token").ConfigurePrimaryHttpMessageHandler(ApiPipeline.CreateTransport);
        var builder = services.AddHttpClient(name)
            .ConfigurePrimaryHttpMessageHandler(ApiPipeline.CreateTransport)
            .AddHttpMessageHandler(provider => ApiPipeline.CreateRetryHandler(Options(provider)))
            .AddHttpMessageHandler(provider =>
            {
                var options = Options(provider);
                var tokenClient = provider.GetRequiredService<IHttpClientFactory>().CreateClient(name + ".Token");
                return (DelegatingHandler?)ApiPipeline.CreateAuthenticationHandler(options, tokenClient) ?? new PassThroughHandler();
            });
        builder.ConfigureHttpClient(client => client.Timeout = System.Threading.Timeout.InfiniteTimeSpan);

        services.AddTransient<TInterface>(provider => create(ApiPipeline.MarkAuthenticating(provider.GetRequiredService<IHttpClientFactory>().CreateClient(name)), Options(provider)));
        services.AddTransient(provider => (TClient)provider.GetRequiredService<TInterface>());
        return builder;
    }

    private sealed class PassThroughHandler : DelegatingHandler
    {
    }
}
