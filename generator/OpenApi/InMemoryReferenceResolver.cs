using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using NJsonSchema;
using NJsonSchema.References;
using ClientGen.Generator.Common;

namespace ClientGen.Generator.OpenApi;

/// <summary>
/// Serves external <c>$ref</c> targets from the AdditionalFiles texts instead of the disk or the
/// network: a generator must not do I/O, and the IDE must regenerate when a referenced file changes.
/// </summary>
internal sealed class InMemoryReferenceResolver : JsonReferenceResolver
{
    private readonly IReadOnlyDictionary<string, string> _files;

    public InMemoryReferenceResolver(JsonSchemaAppender appender, IReadOnlyDictionary<string, string> files)
        : base(appender)
    {
        _files = files;
    }

    public override async Task<IJsonReference> ResolveFileReferenceAsync(string filePath, CancellationToken cancellationToken = default)
    {
        var key = SpecPath.Normalize(filePath);
        if (!_files.TryGetValue(key, out var text))
        {
            throw new UnresolvedReferenceException(filePath, " (the file is not among the project's AdditionalFiles)");
        }
        return await JsonSchema.FromJsonAsync(DocumentLoader.ToJson(text.TrimStart('\uFEFF'), key), filePath, _ => this, cancellationToken).ConfigureAwait(false);
    }

    public override Task<IJsonReference> ResolveUrlReferenceAsync(string url, CancellationToken cancellationToken = default) =>
        throw new UnresolvedReferenceException(url, " (the generator does not download remote references; add the file to AdditionalFiles and refer to it by relative path)");
}

/// <summary>Raised inside NSwag's loader when a reference has no target; turned into CG0003.</summary>
internal sealed class UnresolvedReferenceException : Exception
{
    public UnresolvedReferenceException(string reference, string detail)
        : base("Could not resolve " + reference + detail)
    {
        Reference = reference;
        Detail = detail;
    }

    public string Reference { get; }

    public string Detail { get; }
}
