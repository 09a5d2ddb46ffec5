using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using ClientGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ClientGen.Generator.Tests.Conformance;

/// <summary>
/// Collects every conformance row of one test run. When all documents ran and CLIENTGEN_UPDATE_DOCS=1, it
/// rewrites docs/conformance.md; otherwise it writes the table beside the test binaries, for a look.
/// </summary>
public sealed class ConformanceReport : IDisposable
{
    private readonly ConcurrentDictionary<string, ConformanceRow> _openApi = new();
    private readonly ConcurrentDictionary<string, ConformanceRow> _graphQl = new();

    public static string CommittedPath => Repo.Path("docs", "conformance.md");

    private const string SpectorHeading = "## Spector: ";

    internal void AddOpenApi(ConformanceRow row) => _openApi[row.Document] = row;

    internal void AddGraphQl(ConformanceRow row) => _graphQl[row.Document] = row;

    public void Dispose()
    {
        if (_openApi.IsEmpty && _graphQl.IsEmpty) return;
        var openApi = CorpusManifest.OpenApiRoots.Where(_openApi.ContainsKey).Select(d => _openApi[d]).ToList();
        var graphQl = CorpusManifest.GraphQlFolders.Where(_graphQl.ContainsKey).Select(d => _graphQl[d]).ToList();
        var text = ConformanceTable.Render(openApi, graphQl);
        var complete = openApi.Count == CorpusManifest.OpenApiRoots.Count && graphQl.Count == CorpusManifest.GraphQlFolders.Count;
        var update = complete && Environment.GetEnvironmentVariable("CLIENTGEN_UPDATE_DOCS") == "1";
        // The Spector section after the tables is the Spector tests' (tests/ClientGen.Spector.Tests): kept as it is.
        if (update && File.Exists(CommittedPath))
        {
            var committed = File.ReadAllText(CommittedPath);
            var spector = committed.IndexOf(SpectorHeading, StringComparison.Ordinal);
            if (spector >= 0) text = text.TrimEnd() + "\n\n" + committed[spector..];
        }
        File.WriteAllText(update ? CommittedPath : Path.Combine(AppContext.BaseDirectory, "conformance.md"), text);
    }
}

[CollectionDefinition(Name)]
public sealed class ConformanceCollection : ICollectionFixture<ConformanceReport>
{
    public const string Name = "Conformance";
}
