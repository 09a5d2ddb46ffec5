using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ClientGen.Runtime.Benchmarks;

/// <summary>
/// Kestrel on 127.0.0.1 answering the three report-run calls with fixed Zuora-shaped bodies. It runs in a child
/// process: in-process, its allocations would be counted against both clients and dilute every ratio.
/// </summary>
internal static class LoopbackServer
{
    public const string ServeArgument = "serve";

    public static readonly byte[] RunBody = Encoding.UTF8.GetBytes("""{"success":true,"response":{"reportRunId":"ff808081529f4e3401529fd61f080074"}}""");
    public static readonly byte[] RunReportRunBody = Encoding.UTF8.GetBytes("""{"success":true,"response":{"reportType":"Detail","id":"ff808081529f4e3401529fd61f080074","reportId":"ff808081529f4e3401529fd373730070","startedOn":1453166692000,"status":"COMPLETED","reportDefinition":"Account.Status = Active","updatedOn":1453166695000}}""");
    public static readonly byte[] CancelBody = Encoding.UTF8.GetBytes("""{"success":true,"response":"The report run has been canceled"}""");

    /// <summary>Serves until stdin closes; the first line written to stdout is the base address.</summary>
    public static async Task ServeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/reports/{id}/reportrun", (HttpContext c) => Json(c, RunBody));
        app.MapGet("/reportruns/{id}", (HttpContext c) => Json(c, RunReportRunBody));
        app.MapDelete("/reportruns/{id}", (HttpContext c) => Json(c, CancelBody));
        await app.StartAsync();
        Console.WriteLine(app.Urls.First());
        await Console.In.ReadToEndAsync();
        await app.StopAsync();
    }

    private static async Task Json(HttpContext context, byte[] body)
    {
        // The request body is drained, as a real server would read the filters it was sent.
        if (context.Request.ContentLength > 0) await context.Request.Body.CopyToAsync(Stream.Null);
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body);
    }

    /// <summary>Starts this program again as the server and returns it with its address.</summary>
    public static (Process Process, Uri Address) Start()
    {
        var self = Environment.ProcessPath!;
        var info = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        // `dotnet run` starts the apphost; when launched as `dotnet x.dll` the dll is the first argument again.
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") info.ArgumentList.Add(typeof(LoopbackServer).Assembly.Location);
        info.ArgumentList.Add(ServeArgument);
        var process = Process.Start(info)!;
        var line = process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("The loopback server did not start.");
        return (process, new Uri(line));
    }
}
