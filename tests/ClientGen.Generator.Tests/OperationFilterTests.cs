using System.Linq;
using ClientGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ClientGen.Generator.Tests;

/// <summary>Only what you use: operations chosen by AdditionalFiles metadata, and only the types they reach generated.</summary>
public sealed class OperationFilterTests
{
    private const string PetsPath = "/specs/pets.yaml";

    private const string Pets = """
        openapi: 3.0.3
        info: { title: Pets, version: '1' }
        paths:
          /pets:
            get:
              tags: [pets]
              operationId: listPets
              responses:
                '200': { description: ok, content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/Pet' } } } } }
          /pets/{id}:
            delete:
              tags: [pets]
              operationId: deletePet
              parameters: [ { name: id, in: path, required: true, schema: { type: string } } ]
              responses: { '204': { description: gone } }
          /stores:
            get:
              tags: [stores]
              operationId: listStores
              responses:
                '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Store' } } } }
        components:
          schemas:
            Pet:
              type: object
              required: [kind]
              properties:
                kind: { type: string }
                owner: { $ref: '#/components/schemas/Owner' }
              discriminator: { propertyName: kind, mapping: { cat: '#/components/schemas/Cat' } }
            Cat:
              allOf:
                - $ref: '#/components/schemas/Pet'
                - type: object
                  properties: { lives: { type: integer } }
            Owner: { type: object, properties: { name: { type: string } } }
            Store: { type: object, properties: { name: { type: string } } }
            Unused: { type: object, properties: { x: { type: string } } }
        """;

    private static GeneratorRun Generate(params (string Name, string Value)[] metadata)
    {
        var harness = new GeneratorHarness().AddSpec(PetsPath, Pets);
        foreach (var (name, value) in metadata) harness.WithMetadata(PetsPath, name, value);
        return harness.Run();
    }

    private static string[] Methods(GeneratorRun run) =>
        run.Output.GetTypeByMetadataName("TestApp.IPetsClient")!.GetMembers().OfType<IMethodSymbol>().Select(m => m.Name).OrderBy(n => n, System.StringComparer.Ordinal).ToArray();

    private static bool Declares(GeneratorRun run, string type) => run.Output.GetTypeByMetadataName("TestApp." + type) is not null;

    private static void AssertCompiles(GeneratorRun run) =>
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

    [Fact]
    public void Without_a_filter_every_operation_and_every_component_is_generated()
    {
        var run = Generate();

        Assert.Equal(new[] { "DeletePetAsync", "ListPetsAsync", "ListStoresAsync" }, Methods(run));
        Assert.True(Declares(run, "Unused"));
        Assert.True(Declares(run, "Store"));
    }

    [Fact]
    public void Including_a_tag_keeps_its_operations_and_the_types_they_reach_including_derived_ones()
    {
        var run = Generate(("ClientGenIncludeTags", "Pets"));

        AssertCompiles(run);
        Assert.Equal(new[] { "DeletePetAsync", "ListPetsAsync" }, Methods(run));
        Assert.True(Declares(run, "Pet"));
        Assert.True(Declares(run, "Cat")); // read polymorphically from a Pet list
        Assert.True(Declares(run, "Owner"));
        Assert.False(Declares(run, "Store"));
        Assert.False(Declares(run, "Unused"));
    }

    [Fact]
    public void A_path_pattern_with_a_method_keeps_only_that_method_under_the_path()
    {
        var run = Generate(("ClientGenIncludePaths", "/pets/**#GET"));

        AssertCompiles(run);
        Assert.Equal(new[] { "ListPetsAsync" }, Methods(run));
    }

    [Fact]
    public void A_single_star_matches_one_segment_and_excludes_win_over_includes()
    {
        var run = Generate(("ClientGenIncludePaths", "/pets/*;/stores"), ("ClientGenExcludeOperations", "listStores"));

        AssertCompiles(run);
        Assert.Equal(new[] { "DeletePetAsync" }, Methods(run));
        Assert.False(Declares(run, "Pet")); // deletePet returns nothing, so no type is reached
    }

    [Fact]
    public void An_entry_that_matches_nothing_is_a_warning_naming_it_and_the_rest_still_generates()
    {
        var run = Generate(("ClientGenIncludeTags", "pets, stors"));

        var warning = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "CG1010");
        Assert.Contains("'stors'", warning.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("ClientGenIncludeTags", warning.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(new[] { "DeletePetAsync", "ListPetsAsync" }, Methods(run));
    }

    [Fact]
    public void A_filtered_Zuora_client_without_the_cancel_operation_still_compiles_though_its_waiter_is_dropped()
    {
        var spec = Repo.Path("specs", "zuora", "zuora-reporting.yaml");
        var run = new GeneratorHarness().AddSpecFile(spec).WithMetadata(spec, "ClientGenIncludeTags", "Reporting").WithMetadata(spec, "ClientGenExcludeOperations", "cancelReportRun").Run();

        AssertCompiles(run);
        var client = run.Output.GetTypeByMetadataName("TestApp.IZuoraReportingClient")!;
        Assert.Empty(client.GetMembers("CancelReportRunAsync"));
        Assert.Empty(client.GetMembers("CreateTokenAsync"));
        Assert.NotEmpty(client.GetMembers("RunReportAsync"));
        Assert.False(Declares(run, "TokenRequest"));
        // Left as found (#18's note): a waiter whose cancel operation is filtered out is dropped whole, with CG1004.
        Assert.Empty(client.GetMembers("RunReportAndWaitAsync"));
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "CG1004");
        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
    }
}
