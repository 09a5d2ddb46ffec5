using System.Linq;
using ClientGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ClientGen.Generator.Tests;

/// <summary>Operations given as <c>$ref</c> to other files (DigitalOcean's layout), bundled into one client with named types.</summary>
public sealed class OperationReferenceTests
{
    private static GeneratorRun Run() => new GeneratorHarness()
        .AddSpec("/api/openapi.yaml", """
            openapi: 3.0.3
            info: { title: Cloud, version: "1" }
            paths:
              /v2/droplets:
                get: { $ref: 'resources/droplets/list.yml' }
                post: { $ref: 'resources/droplets/create.yml' }
            """)
        .AddSpec("/api/resources/droplets/list.yml", """
            operationId: droplets_list
            parameters:
              - $ref: 'parameters.yml#/per_page'
            responses:
              '200':
                $ref: 'responses/all.yml'
            """)
        .AddSpec("/api/resources/droplets/create.yml", """
            operationId: droplets_create
            requestBody:
              required: true
              content:
                application/json:
                  schema: { $ref: 'models/droplet.yml' }
            responses:
              '202':
                description: Created.
                content:
                  application/json:
                    schema:
                      properties:
                        droplet: { $ref: 'models/droplet.yml' }
            """)
        .AddSpec("/api/resources/droplets/parameters.yml", """
            per_page:
              name: per_page
              in: query
              schema: { type: integer }
            """)
        .AddSpec("/api/resources/droplets/responses/all.yml", """
            description: Every droplet.
            content:
              application/json:
                schema:
                  type: object
                  properties:
                    droplets: { type: array, items: { $ref: '../models/droplet.yml' } }
            """)
        .AddSpec("/api/resources/droplets/models/droplet.yml", """
            type: object
            required: [id]
            properties:
              id: { type: integer }
              size: { $ref: '#/size' }
              region: { $ref: '../../regions/models/region.yml' }
            size:
              type: string
            """)
        .AddSpec("/api/resources/regions/models/region.yml", """
            type: object
            properties:
              slug: { type: string }
            """)
        .Run();

    [Fact]
    public void Each_operation_is_read_from_its_file_and_said_once_as_info()
    {
        var run = Run();
        var contract = run.Sources["TestApp.ICloudClient.g.cs"];

        var info = run.SingleDiagnostic("CG1009");
        Assert.Equal(DiagnosticSeverity.Info, info.Severity);
        Assert.Contains("2 operation(s)", info.GetMessage());
        Assert.Contains("DropletsListAsync(long? perPage = null", contract);
        Assert.Contains("DropletsCreateAsync(global::TestApp.Droplet droplet,", contract);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "CG1001" or "CG0003");
        Assert.Empty(run.CompileProblems());
    }

    [Fact]
    public void Schemas_in_other_files_are_named_types_shared_by_every_reference()
    {
        var run = Run();

        Assert.Contains("TestApp.Droplet.g.cs", run.Sources.Keys);
        Assert.Contains("TestApp.Region.g.cs", run.Sources.Keys);
        Assert.Contains("global::TestApp.Region? Region", run.Sources["TestApp.Droplet.g.cs"]);
        Assert.Contains("IReadOnlyList<global::TestApp.Droplet>", string.Concat(run.Sources.Values));
        Assert.DoesNotContain(run.Sources.Keys, k => k.Contains("Droplet2", System.StringComparison.Ordinal));
    }
}
