using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace ClientGen.Generator.Tests.Conformance;

/// <summary>The generator on every OpenAPI root document of the corpus but the three largest.</summary>
[Collection(ConformanceCollection.Name)]
public sealed class OpenApiConformanceTests(ConformanceReport report)
{
    public static IEnumerable<object[]> Documents() =>
        CorpusManifest.OpenApiRoots.Except(CorpusManifest.Largest).Select(d => new object[] { d });

    [Theory]
    [MemberData(nameof(Documents))]
    public void The_document_generates_a_client_that_compiles(string document) => Check(report, document);

    internal static void Check(ConformanceReport report, string document)
    {
        var (row, run) = ConformanceRunner.RunOpenApi(document);
        report.AddOpenApi(row);
        ConformanceAssert.Holds(row, run, CorpusManifest.FullPath(document));
    }
}

/// <summary>Stripe, Kubernetes and GitHub (3.6–4.2 MB each): a category of their own, so a quick local run can skip them.</summary>
[Collection(ConformanceCollection.Name)]
[Trait("Category", "LargeCorpus")]
public sealed class LargeOpenApiConformanceTests(ConformanceReport report)
{
    public static IEnumerable<object[]> Documents() => CorpusManifest.Largest.Select(d => new object[] { d });

    [Theory]
    [MemberData(nameof(Documents))]
    public void The_document_generates_a_client_that_compiles(string document) => OpenApiConformanceTests.Check(report, document);
}

/// <summary>The GraphQL front end on every schema folder of the corpus, with its operation documents.</summary>
[Collection(ConformanceCollection.Name)]
public sealed class GraphQlConformanceTests(ConformanceReport report)
{
    public static IEnumerable<object[]> Folders() => CorpusManifest.GraphQlFolders.Select(f => new object[] { f });

    [Theory]
    [MemberData(nameof(Folders))]
    public void The_folder_generates_without_failing_and_what_it_generates_compiles(string folder)
    {
        var (row, run) = ConformanceRunner.RunGraphQl(folder);
        report.AddGraphQl(row);
        ConformanceAssert.Holds(row, run, sourcePath: null);
    }
}
