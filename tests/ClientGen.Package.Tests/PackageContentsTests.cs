using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace ClientGen.Package.Tests;

/// <summary>What nuget.org and a consumer's restore read from each package: its nuspec and its folders.</summary>
[Collection(PackageCollection.Name)]
public sealed class PackageContentsTests
{
    private readonly PackageFeed _feed;

    public PackageContentsTests(PackageFeed feed) => _feed = feed;

    public static TheoryData<string> Ids() => new(PackageFeed.PackageIds);

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_package_has_the_one_version_a_readme_a_license_and_its_repository(string id)
    {
        using var package = ZipFile.OpenRead(_feed.PackagePath(id));
        var metadata = Metadata(package);

        Assert.Equal(id, Value(metadata, "id"));
        Assert.Equal(_feed.Version, Value(metadata, "version"));
        Assert.Equal("MIT", Value(metadata, "license"));
        Assert.Equal("expression", (string?)metadata.Element(metadata.Name.Namespace + "license")!.Attribute("type"));
        Assert.Equal("README.md", Value(metadata, "readme"));
        Assert.NotNull(package.GetEntry("README.md"));
        Assert.False(string.IsNullOrWhiteSpace(Value(metadata, "authors")));
        Assert.True(Value(metadata, "description").Length > 60, "a real description");
        var repository = metadata.Element(metadata.Name.Namespace + "repository")!;
        Assert.StartsWith("https://", (string?)repository.Attribute("url"));
        Assert.Matches("^[0-9a-f]{40}$", (string?)repository.Attribute("commit") ?? string.Empty);
    }

    [Fact]
    public void The_generator_package_is_a_development_dependency_that_brings_the_runtime_of_its_own_version()
    {
        using var package = ZipFile.OpenRead(_feed.PackagePath("ClientGen"));
        var metadata = Metadata(package);
        var ns = metadata.Name.Namespace;

        Assert.Equal("true", Value(metadata, "developmentDependency"));
        var dependencies = metadata.Descendants(ns + "dependency").ToList();
        var runtime = Assert.Single(dependencies);
        Assert.Equal("ClientGen.Runtime", (string?)runtime.Attribute("id"));
        Assert.Equal($"[{_feed.Version}]", (string?)runtime.Attribute("version"));
        var entries = package.Entries.Select(e => e.FullName).ToList();
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
        foreach (var dll in new[] { "ClientGen.Generator.dll", "NSwag.Core.dll", "NSwag.Core.Yaml.dll", "NJsonSchema.dll", "NJsonSchema.Annotations.dll", "NJsonSchema.Yaml.dll", "Newtonsoft.Json.dll", "Namotion.Reflection.dll", "YamlDotNet.dll", "GraphQLParser.dll" })
        {
            Assert.Contains("analyzers/dotnet/cs/" + dll, entries);
        }
        Assert.Contains("build/ClientGen.props", entries);
        Assert.Contains("buildTransitive/ClientGen.props", entries);
        Assert.Contains("buildTransitive/ClientGen.targets", entries);
    }

    [Theory]
    [InlineData("ClientGen.Runtime")]
    [InlineData("ClientGen.Simulators")]
    [InlineData("ClientGen.Zuora")]
    [InlineData("ClientGen.EnergyCap")]
    [InlineData("ClientGen.ZscalerUvm")]
    public void Libraries_target_the_current_LTS_and_current_release_with_docs_and_symbols(string id)
    {
        using var package = ZipFile.OpenRead(_feed.PackagePath(id));
        var entries = package.Entries.Select(e => e.FullName).ToList();
        foreach (var framework in new[] { "net8.0", "net10.0" })
        {
            Assert.Contains($"lib/{framework}/{id}.dll", entries);
            Assert.Contains($"lib/{framework}/{id}.xml", entries);
        }
        using var symbols = ZipFile.OpenRead(Path.ChangeExtension(_feed.PackagePath(id), ".snupkg"));
        Assert.Contains($"lib/net10.0/{id}.pdb", symbols.Entries.Select(e => e.FullName));
        if (id is not ("ClientGen.Runtime" or "ClientGen.Simulators"))
        {
            var runtime = Metadata(package).Descendants(Metadata(package).Name.Namespace + "dependency").First(d => (string?)d.Attribute("id") == "ClientGen.Runtime");
            Assert.Equal(_feed.Version, (string?)runtime.Attribute("version"));
        }
    }

    [Fact]
    public void The_tool_package_is_a_dotnet_tool_whose_command_is_clientgen()
    {
        using var package = ZipFile.OpenRead(_feed.PackagePath("ClientGen.Tool"));
        var metadata = Metadata(package);

        Assert.Equal("DotnetTool", (string?)metadata.Descendants(metadata.Name.Namespace + "packageType").Single().Attribute("name"));
        var settings = XDocument.Load(package.GetEntry("tools/net10.0/any/DotnetToolSettings.xml")!.Open());
        var command = settings.Descendants("Command").Single();
        Assert.Equal("clientgen", (string?)command.Attribute("Name"));
        Assert.Equal("clientgen.dll", (string?)command.Attribute("EntryPoint"));
        Assert.NotNull(package.GetEntry("tools/net8.0/any/clientgen.dll"));
    }

    private static XElement Metadata(ZipArchive package)
    {
        var nuspec = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/'));
        using var stream = nuspec.Open();
        var root = XDocument.Load(stream).Root!;
        return root.Element(root.Name.Namespace + "metadata")!;
    }

    private static string Value(XElement metadata, string name) => metadata.Element(metadata.Name.Namespace + name)?.Value ?? string.Empty;
}
