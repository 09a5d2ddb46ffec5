using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace ClientGen.Runtime.Benchmarks;

/// <summary>The per-call table, written between its own markers in docs/performance.md so the generator benchmark's tables stay.</summary>
internal static class RuntimeReport
{
    private const string Begin = ClientGen.Benchmarks.DocSection.RuntimeBegin;
    private const string End = ClientGen.Benchmarks.DocSection.RuntimeEnd;

    public static string Section(IReadOnlyList<AlternatingRounds.Result> results, int rounds, int calls)
    {
        var doc = new StringBuilder();
        doc.AppendLine(Begin);
        doc.AppendLine("## Per call: a generated client against hand-written code");
        doc.AppendLine();
        doc.AppendLine("<!-- Written by benchmarks/ClientGen.Runtime.Benchmarks: `dotnet run -c Release --project benchmarks/ClientGen.Runtime.Benchmarks`. Do not edit by hand. -->");
        doc.AppendLine();
        doc.AppendLine("Zuora's run, get and cancel report-run calls against Kestrel on 127.0.0.1 (a child process, so its allocations are not counted).");
        doc.AppendLine("The floor is a raw `HttpClient` on the same transport with a hand-written `Utf8JsonReader`/`Utf8JsonWriter` client sending the same headers;");
        doc.AppendLine("the generated client is `ZuoraReportingClient` over `ApiPipeline.CreateHttpClient` (retry, then transport), with default retries and with none.");
        doc.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"{rounds} alternating rounds of {calls} sequential calls per variant; ratios are the median of per-round ratios to the floor; bytes are all threads' allocations per call. Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, Release build, {DateTime.UtcNow:yyyy-MM-dd}."));
        doc.AppendLine();
        doc.AppendLine("| Call | Client | µs per call | × floor | Bytes per call | × floor |");
        doc.AppendLine("|---|---|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            doc.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Operation} | {r.Variant} | {r.Microseconds:F1} | {r.LatencyRatio:F3}× | {r.Bytes:N0} | {r.BytesRatio:F3}× |"));
        }
        doc.AppendLine(End);
        return doc.ToString();
    }

    public static void Write(string repo, string section) =>
        ClientGen.Benchmarks.DocSection.Replace(Path.Combine(repo, "docs", "performance.md"), Begin, End, section);
}
