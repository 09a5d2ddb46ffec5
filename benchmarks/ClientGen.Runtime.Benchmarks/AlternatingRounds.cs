using System.Diagnostics;

namespace ClientGen.Runtime.Benchmarks;

/// <summary>
/// Runs every variant in turn, round after round, so drift in the machine's load hits all of them alike; a ratio is
/// taken within each round (variant over floor) and the median of those is reported, never a ratio of two medians
/// measured minutes apart. Allocations are all threads' bytes: the server lives in another process.
/// </summary>
internal static class AlternatingRounds
{
    public sealed record Sample(double MicrosecondsPerCall, double BytesPerCall);

    public sealed record Result(string Operation, string Variant, double Microseconds, double Bytes, double LatencyRatio, double BytesRatio);

    public static async Task<List<Result>> MeasureAsync(IReadOnlyList<CallVariant> variants, IReadOnlyList<string> operations, int rounds, int callsPerRound)
    {
        var results = new List<Result>();
        foreach (var operation in operations)
        {
            foreach (var variant in variants) await RunAsync(variant.Call(operation), callsPerRound); // warm-up: JIT, connections, pools
            var samples = variants.ToDictionary(v => v.Name, _ => new List<Sample>());
            for (var round = 0; round < rounds; round++)
            {
                // The order rotates too, so no variant always runs right after the floor.
                for (var i = 0; i < variants.Count; i++)
                {
                    var variant = variants[(i + round) % variants.Count];
                    samples[variant.Name].Add(await RunAsync(variant.Call(operation), callsPerRound));
                }
            }
            var floor = samples[variants[0].Name];
            foreach (var variant in variants)
            {
                var own = samples[variant.Name];
                results.Add(new Result(operation, variant.Name,
                    Median(own.Select(s => s.MicrosecondsPerCall)),
                    Median(own.Select(s => s.BytesPerCall)),
                    Median(own.Select((s, r) => s.MicrosecondsPerCall / floor[r].MicrosecondsPerCall)),
                    Median(own.Select((s, r) => s.BytesPerCall / floor[r].BytesPerCall))));
            }
        }
        return results;
    }

    private static async Task<Sample> RunAsync(Func<CancellationToken, Task> call, int calls)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++) await call(CancellationToken.None).ConfigureAwait(false);
        watch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - bytes;
        return new Sample(watch.Elapsed.TotalMicroseconds / calls, (double)allocated / calls);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
