using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ClientGen.Simulators.Faults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClientGen.Simulators.Hosting;

/// <summary>
/// A vendor simulator: an ASP.NET Core minimal API on Kestrel at 127.0.0.1 on a free port, in this process.
/// Every request is recorded, and <see cref="Faults"/> can make it fail the way real networks and vendors do.
/// </summary>
public abstract class Simulator : IAsyncDisposable
{
    private readonly ConcurrentQueue<SimulatorRequest> _requests = new();
    private WebApplication? _app;
    private int _inFlight;

    /// <param name="time">The clock runs advance on; the system clock when null.</param>
    protected Simulator(TimeProvider? time)
    {
        Time = time ?? TimeProvider.System;
        Faults = new FaultInjector(Time);
    }

    /// <summary>The clock the simulated work advances on.</summary>
    public TimeProvider Time { get; }

    /// <summary>Failures to inject into the next requests: 429, 5xx, dropped connections, latency, expired tokens.</summary>
    public FaultInjector Faults { get; }

    /// <summary>The root address the simulator listens on, such as <c>http://127.0.0.1:5123/</c>.</summary>
    public Uri RootAddress { get; private set; } = null!;

    /// <summary>Every request received so far, oldest first.</summary>
    public IReadOnlyList<SimulatorRequest> Requests => _requests.ToList();

    /// <summary>True while a request is being handled: a test driving fake time must not advance it then.</summary>
    public bool IsBusy => Volatile.Read(ref _inFlight) > 0;

    /// <summary>The vendor's name, for messages.</summary>
    public abstract string Vendor { get; }

    /// <summary>Starts listening; called once by the derived type's <c>StartAsync</c>.</summary>
    protected async Task StartHostAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.Use(RecordAsync);
        app.Use((context, next) => Faults.ApplyAsync(context, IsFaultable(context.Request), OnTokensExpired, next));
        Map(app);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        RootAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        _app = app;
    }

    /// <summary>Maps the vendor's endpoints.</summary>
    protected abstract void Map(WebApplication app);

    /// <summary>Whether injected faults apply to this request (the vendor API; not, say, its token endpoint).</summary>
    protected virtual bool IsFaultable(HttpRequest request) => true;

    /// <summary>Invalidates every token issued so far (the expired-token fault).</summary>
    protected virtual void OnTokensExpired()
    {
    }

    private async Task RecordAsync(HttpContext context, Func<Task> next)
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
            await next().ConfigureAwait(false);
        }
        finally
        {
            var request = context.Request;
            var aborted = context.Items.ContainsKey(FaultInjector.DroppedKey) || context.RequestAborted.IsCancellationRequested;
            _requests.Enqueue(new SimulatorRequest(
                request.Method,
                request.Path.Value ?? "/",
                request.QueryString.Value ?? string.Empty,
                request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                aborted ? 0 : context.Response.StatusCode));
            Interlocked.Decrement(ref _inFlight);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }
        GC.SuppressFinalize(this);
    }
}
