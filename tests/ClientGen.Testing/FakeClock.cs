using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace ClientGen.Testing;

/// <summary>Drives fake time forward in small steps while an operation runs, so delays elapse instantly and are measurable.</summary>
public static class FakeClock
{
    /// <param name="time">The fake clock.</param>
    /// <param name="operation">What to run.</param>
    /// <param name="busy">True while real I/O is in flight (a server handling a request): the clock then holds still,
    /// so a slow machine does not turn real latency into fake seconds.</param>
    /// <param name="step">How far to move the clock at a time.</param>
    public static async Task<T> RunAsync<T>(FakeTimeProvider time, Func<Task<T>> operation, Func<bool>? busy = null, TimeSpan? step = null)
    {
        var task = operation();
        var increment = step ?? TimeSpan.FromMilliseconds(100);
        for (var guard = 0; !task.IsCompleted && guard < 200_000; guard++)
        {
            await Task.WhenAny(task, Task.Delay(2));
            if (task.IsCompleted || (busy?.Invoke() ?? false)) continue;
            // Give a response that just left the server a moment to reach the client before time moves.
            await Task.WhenAny(task, Task.Delay(1));
            if (!task.IsCompleted && !(busy?.Invoke() ?? false)) time.Advance(increment);
        }
        return await task;
    }
}
