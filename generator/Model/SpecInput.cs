namespace ClientGen.Generator.Model;

/// <summary>The text of one AdditionalFiles item. Compared by value, so an unchanged file caches.</summary>
public sealed record SpecFile(string Path, string Text);

/// <summary>Per-file overrides from AdditionalFiles metadata, and the project's root namespace.</summary>
public sealed record SpecOptions(string? Namespace, string? ClientName, string RootNamespace)
{
    /// <summary>Which operations to generate (all unless the item's metadata says otherwise); the types follow them.</summary>
    public OperationFilter Filter { get; init; } = OperationFilter.None;
}

/// <summary>
/// One root document to generate, with the text of every file it references through an external
/// <c>$ref</c> (served to the resolver from memory: a generator must not read the disk).
/// </summary>
public sealed record SpecWorkItem(SpecFile Root, EquatableArray<SpecFile> References, SpecOptions Options);
