using System.Globalization;

namespace ClientGen.Generator.Common;

/// <summary>
/// The bounds a declared waiter's seconds are held to by both front ends: out of them (zero, negative, 1e300,
/// infinity) the emitted <c>TimeSpan.FromSeconds</c> would overflow when the client's type loads, or the wait never poll.
/// </summary>
internal static class WaiterTiming
{
    /// <summary>A delay between polls: a day at most, since a wait is bounded by its timeout anyway.</summary>
    public const double MaxDelaySeconds = 86_400;

    /// <summary>A wait's default deadline: thirty days at most.</summary>
    public const double MaxTimeoutSeconds = 2_592_000;

    /// <summary>The emitter writes seconds to the millisecond, so a shorter positive value would become zero.</summary>
    public const double MinSeconds = 0.001;

    public static bool IsWithin(double seconds, double max) => !double.IsNaN(seconds) && seconds >= MinSeconds && seconds <= max;

    /// <summary>What is wrong with <paramref name="written"/> as the value of <paramref name="name"/>.</summary>
    public static string OutOfRange(string name, double max, string written) =>
        $"{name} must be a number of seconds from {Number(MinSeconds)} to {Number(max)}, not '{(written.Length <= 40 ? written : written.Substring(0, 40) + "…")}'";

    /// <summary>Null when the delays are in order, else what is wrong.</summary>
    public static string? OrderProblem(double minDelay, double maxDelay) =>
        minDelay > maxDelay ? $"minDelay ({Number(minDelay)} s) is longer than maxDelay ({Number(maxDelay)} s)" : null;

    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
