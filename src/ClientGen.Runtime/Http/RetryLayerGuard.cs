using System;
using System.Linq;
using System.Net.Http;
using Microsoft.Extensions.Http;

namespace ClientGen.Runtime.Http;

/// <summary>
/// Refuses to build a client's handler chain when a second retry layer sits beside the runtime's
/// <see cref="RetryHandler"/>. <c>AddStandardResilienceHandler()</c> on a ClientGen registration multiplied the
/// attempts (12 requests to an always-503 endpoint instead of 3), and its default retry repeats POSTs, which could
/// start a report run twice. Runs as a filter, so it sees every handler, those added after ours included.
/// </summary>
internal sealed class RetryLayerGuard : IHttpMessageHandlerBuilderFilter
{
    // Polly v7's PolicyHttpMessageHandler, the v8 ResilienceHandler behind AddStandardResilienceHandler and AddResilienceHandler.
    private static readonly string[] s_retryLayerNames = { "PolicyHttpMessageHandler", "ResilienceHandler", "RetryHandler", "RetryDelegatingHandler" };

    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        var ours = builder.AdditionalHandlers.OfType<RetryHandler>().FirstOrDefault();
        if (ours is null || !ours.Retries) return;
        var other = builder.AdditionalHandlers.FirstOrDefault(h => h is not RetryHandler && s_retryLayerNames.Any(n => h.GetType().Name.EndsWith(n, StringComparison.Ordinal)));
        if (other is null) return;
        throw new InvalidOperationException(
            $"The HttpClient '{builder.Name}' has two retry layers: ClientGen's RetryHandler and {other.GetType().FullName}. " +
            "ClientGen already retries what is safe to retry (a POST only with its idempotency key), within the client's attempt and total timeouts; " +
            "a second layer multiplies the attempts and may repeat a POST that starts work. Remove the added resilience handler and tune Retry in the client's options, " +
            "or set Retry.MaxRetries = 0 to hand retries to your own layer.");
    };
}
