using System.Collections.Concurrent;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace ClientGen.Contract.Tests;

/// <summary>Collects Prism's <c>sl-violations</c> header from every response: what the request got wrong against the spec.</summary>
public sealed class ViolationRecorder : DelegatingHandler
{
    public ConcurrentQueue<string> Violations { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("sl-violations", out var values)) Violations.Enqueue($"{request.Method} {request.RequestUri!.PathAndQuery}: {string.Join(" ", values)}");
        return response;
    }
}
