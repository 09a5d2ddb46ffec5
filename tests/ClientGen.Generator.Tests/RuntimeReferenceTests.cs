using System.Linq;
using ClientGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ClientGen.Generator.Tests;

/// <summary>A project that lacks the runtime, or has one of another version, gets one CG diagnostic saying what to add instead of a wall of CS0246.</summary>
public sealed class RuntimeReferenceTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Inventory, version: "1" }
        paths:
          /items:
            get:
              operationId: listItems
              responses:
                '200':
                  description: ok
                  content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/Item' } } } }
        components:
          schemas:
            Item: { type: object, properties: { id: { type: string } } }
        """;

    private static readonly string RuntimeVersion = typeof(ClientGen.Runtime.ApiClientOptions).Assembly.GetName().Version!.ToString(3);

    [Fact]
    public void Without_the_runtime_there_is_one_CG0006_naming_the_package_to_add_and_no_compile_error()
    {
        var run = new GeneratorHarness { CompilationReferences = GeneratorHarness.ReferencesWithoutRuntime }
            .AddSpec("/specs/b.yaml", Spec.Replace("Inventory", "Second"))
            .AddSpec("/specs/a.yaml", Spec)
            .Run();

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("CG0006", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("/specs/a.yaml", diagnostic.Location.GetLineSpan().Path);
        Assert.Contains($"<PackageReference Include=\"ClientGen.Runtime\" Version=\"{RuntimeVersion}", diagnostic.GetMessage(), System.StringComparison.Ordinal);
        Assert.Empty(run.Sources);
        Assert.Empty(run.CompileProblems());
    }

    [Fact]
    public void A_runtime_of_another_version_is_CG0007_naming_both_versions()
    {
        using var image = new System.IO.MemoryStream();
        CSharpCompilation.Create(
                "ClientGen.Runtime",
                new[] { CSharpSyntaxTree.ParseText("[assembly: System.Reflection.AssemblyVersion(\"9.8.7.0\")] namespace ClientGen.Runtime { public sealed class ApiClientCore { } }") },
                GeneratorHarness.ReferencesWithoutRuntime,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .Emit(image);
        var otherRuntime = MetadataReference.CreateFromImage(image.ToArray());
        var run = new GeneratorHarness { CompilationReferences = GeneratorHarness.ReferencesWithoutRuntime.Append(otherRuntime) }
            .AddSpec("/specs/a.yaml", Spec)
            .Run();

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("CG0007", diagnostic.Id);
        Assert.Contains("ClientGen.Runtime 9.8.7", diagnostic.GetMessage(), System.StringComparison.Ordinal);
        Assert.Contains($"Reference ClientGen.Runtime {RuntimeVersion}", diagnostic.GetMessage(), System.StringComparison.Ordinal);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void A_GraphQL_client_is_withheld_the_same_way()
    {
        var run = new GeneratorHarness { CompilationReferences = GeneratorHarness.ReferencesWithoutRuntime }
            .AddSpec("/api/schema.graphql", "type Query { hello: String }")
            .AddSpec("/api/operations.graphql", "query Hello { hello }")
            .Run();

        Assert.Equal("CG0006", Assert.Single(run.GeneratorDiagnostics).Id);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void With_the_matching_runtime_there_is_no_runtime_diagnostic()
    {
        var run = new GeneratorHarness().AddSpec("/specs/a.yaml", Spec).Run();

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "CG0006" or "CG0007");
        Assert.NotEmpty(run.Sources);
        Assert.Empty(run.CompileProblems());
    }
}
