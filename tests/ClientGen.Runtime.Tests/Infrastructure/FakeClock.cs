using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace ClientGen.Runtime.Tests.Infrastructure;

/// <summary>Drives fake time forward in small steps while an operation runs, so delays elapse instantly and are measurable.</summary>
public static class FakeClock
{
    public static async Task<T> RunAsync<T>(FakeTimeProvider time, Func<Task<T>> operation, TimeSpan? step = null)
    {
        var task = operation();
        var increment = step ?? TimeSpan.FromMilliseconds(100);
        for (var guard = 0; !task.IsCompleted && guard < 100_000; guard++)
        {
            // Let real I/O (loopback requests) progress, then move the clock.
            await Task.WhenAny(task, Task.Delay(2));
            if (!task.IsCompleted) time.Advance(increment);
        }
        return await task;
    }
}
