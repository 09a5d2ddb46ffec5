namespace ClientGen.Generator.Model;

/// <summary>
/// What a waiter waits for and how often it asks, the same for both front ends: the runtime's <c>WaiterDefinition</c>.
/// The seconds are already within <c>WaiterTiming</c>'s bounds.
/// </summary>
public sealed record WaiterPolicy(
    EquatableArray<string> Success,
    EquatableArray<string> Failure,
    EquatableArray<string> Pending,
    double MinDelaySeconds,
    double MaxDelaySeconds,
    double TimeoutSeconds);
