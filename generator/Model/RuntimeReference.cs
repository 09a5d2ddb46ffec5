namespace ClientGen.Generator.Model;

/// <summary>
/// All the generator keeps of the compilation: the version of ClientGen.Runtime it references (null when none).
/// Reduced at once, so an edit elsewhere in the compilation compares equal and re-runs nothing downstream.
/// </summary>
public sealed record RuntimeReference(string? Version);
