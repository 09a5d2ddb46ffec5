using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace ClientGen.Package.Tests;

/// <summary>The clientgen command as a user gets it: `dotnet tool install ClientGen.Tool --add-source feed`.</summary>
[Collection(PackageCollection.Name)]
public sealed class ToolTests
{
    private readonly PackageFeed _feed;

    public ToolTests(PackageFeed feed) => _feed = feed;

    [Fact]
    public async Task The_installed_tool_checks_and_generates_OpenAPI_and_GraphQL_specs()
    {
        var toolPath = Path.Combine(_feed.Root, "tool");
        var environment = new Dictionary<string, string?> { ["NUGET_PACKAGES"] = _feed.Packages };
        var install = await ProcessRunner.DotnetAsync(_feed.Root, TimeSpan.FromMinutes(5), environment,
            "tool", "install", "ClientGen.Tool", "--version", _feed.Version, "--tool-path", toolPath, "--add-source", _feed.Feed);
        Assert.True(install.ExitCode == 0, install.Describe());
        var clientgen = Path.Combine(toolPath, "clientgen");
        var work = Directory.CreateDirectory(Path.Combine(_feed.Root, "tool-work")).FullName;
        var spec = Path.Combine(AppContext.BaseDirectory, "Consumer", "Specs", "inventory.yaml");

        var check = await ProcessRunner.RunAsync(clientgen, new[] { "check", spec }, work, TimeSpan.FromMinutes(2));
        Assert.True(check.ExitCode == 0, check.Describe());

        var broken = Path.Combine(work, "broken.yaml");
        File.WriteAllText(broken, "openapi: 3.0.3\ninfo: { title: Broken, version: '1' }\npaths:\n  /a:\n    get: [unclosed\n");
        var failed = await ProcessRunner.RunAsync(clientgen, new[] { "check", broken }, work, TimeSpan.FromMinutes(2));
        Assert.Equal(1, failed.ExitCode);
        Assert.Matches(@"broken\.yaml\(\d+,\d+\): error CG0001", failed.Output);

        var generate = await ProcessRunner.RunAsync(clientgen, new[] { "generate", spec, "--out", Path.Combine(work, "rest"), "--namespace", "Tool.Rest" }, work, TimeSpan.FromMinutes(2));
        Assert.True(generate.ExitCode == 0, generate.Describe());
        Assert.Contains("CreateItemAsync", File.ReadAllText(Path.Combine(work, "rest", "Tool.Rest.InventoryClient.g.cs")), StringComparison.Ordinal);

        var graphQl = Directory.CreateDirectory(Path.Combine(work, "parts-api")).FullName;
        File.WriteAllText(Path.Combine(graphQl, "schema.graphql"), "type Query { part(id: ID!): Part } type Part { id: ID! name: String }");
        File.WriteAllText(Path.Combine(graphQl, "operations.graphql"), "query GetPart($id: ID!) { part(id: $id) { id name } }");
        var folder = await ProcessRunner.RunAsync(clientgen, new[] { "generate", graphQl, "--out", Path.Combine(work, "graphql"), "--namespace", "Tool.GraphQl" }, work, TimeSpan.FromMinutes(2));
        Assert.True(folder.ExitCode == 0, folder.Describe());
        Assert.Contains("GetPartAsync", File.ReadAllText(Path.Combine(work, "graphql", "Tool.GraphQl.PartsApiClient.g.cs")), StringComparison.Ordinal);
    }
}
