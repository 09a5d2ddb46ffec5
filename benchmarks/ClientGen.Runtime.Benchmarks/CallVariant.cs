namespace ClientGen.Runtime.Benchmarks;

/// <summary>One way of making the three report-run calls: the hand-written floor or a generated client in one configuration.</summary>
internal sealed record CallVariant(string Name, Func<CancellationToken, Task> Run, Func<CancellationToken, Task> Get, Func<CancellationToken, Task> Cancel)
{
    public Func<CancellationToken, Task> Call(string operation) => operation switch
    {
        "run" => Run,
        "get" => Get,
        "cancel" => Cancel,
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
    };
}
