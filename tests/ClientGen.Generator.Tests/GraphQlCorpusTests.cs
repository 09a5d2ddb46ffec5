using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using ClientGen.Generator.GraphQl;
using ClientGen.Generator.Model;
using ClientGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace ClientGen.Generator.Tests;

/// <summary>The GraphQL front end over every schema and operation document in the shared corpus: no crash, and real defects reported precisely.</summary>
public sealed class GraphQlCorpusTests(ITestOutputHelper output)
{
    private static readonly Lazy<ImmutableArray<GraphQlWorkItem>> s_items = new(() =>
    {
        var options = new SpecOptions(null, null, "Corpus");
        var files = Directory.EnumerateFiles(Path.Combine(Repo.CorpusRoot, "graphql"), "*", SearchOption.AllDirectories)
            .Where(GraphQlDiscovery.IsGraphQl)
            .Select(path => (new SpecFile(path.Replace('\\', '/'), File.ReadAllText(path)), options))
            .ToImmutableArray();
        return GraphQlDiscovery.CreateWorkItems(files);
    });

    public static IEnumerable<object[]> Clients() => s_items.Value.Select(i => new object[] { Relative(i.Folder) });

    private static EquatableArray<DiagnosticInfo> Analyze(string folder) =>
        GraphQlAnalyzer.Analyze(s_items.Value.Single(i => Relative(i.Folder) == folder), CancellationToken.None);

    [Theory]
    [MemberData(nameof(Clients))]
    public void The_front_end_never_fails_internally(string folder)
    {
        var diagnostics = Analyze(folder);

        Assert.DoesNotContain(diagnostics, d => d.Id == DiagnosticDescriptors.InternalError.Id);
        output.WriteLine($"{folder}: " + string.Join(", ", diagnostics.GroupBy(d => d.Id).Select(g => $"{g.Key}×{g.Count()}")));
    }

    [Fact]
    public void The_swapi_operations_are_valid_against_their_schema()
    {
        Assert.Empty(Analyze("graphql/swapi"));
    }

    [Fact]
    public void The_swapi_operations_compile_into_a_client()
    {
        var harness = new GeneratorHarness();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repo.CorpusRoot, "graphql", "swapi"), "*.graphql", SearchOption.AllDirectories))
        {
            harness.AddSpec(file.Replace('\\', '/'), File.ReadAllText(file));
        }

        var run = harness.Run();

        Assert.Empty(run.GeneratorDiagnostics);
        var problems = run.CompileProblems();
        Assert.True(problems.Count == 0, run.Describe(problems));
        var client = run.Output.GetTypeByMetadataName("TestApp.ISwapiClient")!;
        Assert.Equal(8, client.GetMembers().OfType<IMethodSymbol>().Count());
    }

    [Fact]
    public void GitHubs_field_defined_twice_is_reported_at_its_line()
    {
        var duplicates = Analyze("graphql/github").Where(d => d.Id == "CG2002").ToList();

        Assert.NotEmpty(duplicates);
        Assert.All(duplicates, d => Assert.True(d.Location.Line > 0));
        var text = File.ReadAllLines(Path.Combine(Repo.CorpusRoot, "graphql", "github", "schema.graphql"));
        var first = duplicates[0];
        var fieldName = first.MessageArgs[0].Split('.').Last().TrimEnd('\'');
        Assert.Contains(fieldName, text[first.Location.Line]);
    }

    [Fact]
    public void Linears_operations_have_field_merge_conflicts_reported_precisely()
    {
        var conflicts = Analyze("graphql/linear").Where(d => d.Id == "CG2111").ToList();

        Assert.NotEmpty(conflicts);
        Assert.All(conflicts, d => Assert.EndsWith("_generated_documents.graphql", d.Location.FilePath));
    }

    private static string Relative(string path) => Path.GetRelativePath(Repo.CorpusRoot, path).Replace('\\', '/');
}
