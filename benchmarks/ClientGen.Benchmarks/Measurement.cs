using System.Diagnostics;

namespace ClientGen.Benchmarks;

/// <summary>Median wall time and mean allocated bytes of an action over several runs, after a warm-up run.</summary>
internal sealed record Measurement(TimeSpan Median, long AllocatedBytes)
{
    public static Measurement Of(Action action, int runs)
    {
        action(); // warm-up: JIT and first-use caches are not what a developer waits for on each keystroke
        var times = new List<TimeSpan>();
        long allocated = 0;
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            action();
            times.Add(watch.Elapsed);
            allocated += GC.GetTotalAllocatedBytes(precise: true) - before;
        }
        times.Sort();
        return new Measurement(times[times.Count / 2], allocated / runs);
    }

    public string Milliseconds => Median.TotalMilliseconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture);

    public string Megabytes => (AllocatedBytes / 1024.0 / 1024.0).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
}
