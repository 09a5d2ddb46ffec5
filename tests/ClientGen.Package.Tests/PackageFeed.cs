using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;
using Xunit;

namespace ClientGen.Package.Tests;

/// <summary>
/// Every ClientGen package, packed once per test run from this working tree into a temporary local feed, plus an
/// empty package cache for the consumers: a package cached by an earlier run can never stand in for the one under test.
/// Packing uses its own artifacts folder, so it never touches the bin/obj of projects other test runs are building.
/// </summary>
public sealed class PackageFeed : IAsyncLifetime
{
    public static readonly string[] PackageIds = { "ClientGen", "ClientGen.Runtime", "ClientGen.Simulators", "ClientGen.Zuora", "ClientGen.EnergyCap", "ClientGen.ZscalerUvm", "ClientGen.Tool" };

    public string RepositoryRoot { get; } = FindRepositoryRoot();

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "clientgen-packages-" + Guid.NewGuid().ToString("N")[..8]);

    public string Feed => Path.Combine(Root, "feed");

    /// <summary>The consumers' package cache (NuGet's globalPackagesFolder), empty at the start of the run.</summary>
    public string Packages => Path.Combine(Root, "packages");

    public string Version { get; private set; } = string.Empty;

    public string KiotaVersion { get; private set; } = string.Empty;

    public ProcessResult Pack { get; private set; } = null!;

    public string PackagePath(string id) => Path.Combine(Feed, $"{id}.{Version}.nupkg");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        Version = XDocument.Load(Path.Combine(RepositoryRoot, "Directory.Build.props")).Descendants("Version").Single().Value;
        KiotaVersion = XDocument.Load(Path.Combine(RepositoryRoot, "Directory.Packages.props")).Descendants("PackageVersion")
            .Single(e => (string?)e.Attribute("Include") == "Microsoft.Kiota.Abstractions").Attribute("Version")!.Value;
        Pack = await ProcessRunner.DotnetAsync(RepositoryRoot, TimeSpan.FromMinutes(15), null,
            "pack", "ClientGen.Packages.slnf", "-c", "Release", "-o", Feed, "--artifacts-path", Path.Combine(Root, "artifacts"));
        Assert.True(Pack.ExitCode == 0, Pack.Describe());
        File.WriteAllText(Path.Combine(Root, "nuget.config"), NuGetConfig());
        // The versions the consumers' project files name, found by MSBuild walking up from each consumer.
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), $"""
            <Project>
              <PropertyGroup>
                <ClientGenVersion>{Version}</ClientGenVersion>
                <KiotaVersion>{KiotaVersion}</KiotaVersion>
              </PropertyGroup>
            </Project>
            """);
    }

    public Task DisposeAsync()
    {
        // CLIENTGEN_KEEP_PACKAGES=1 keeps the feed, cache and consumers for a look after a failure.
        if (Environment.GetEnvironmentVariable("CLIENTGEN_KEEP_PACKAGES") == "1") return Task.CompletedTask;
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A native binary or tool still held open: the temporary folder is the OS's to clean.
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// The feed first; other packages (Kiota, Microsoft.Extensions.*, the AOT compiler) from the machine's own sources.
    /// The machine's package cache serves as a read-only fallback only when it holds no ClientGen package at all.
    /// </summary>
    private string NuGetConfig()
    {
        var machineCache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } set ? set : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var holdsClientGen = Directory.Exists(machineCache) && Directory.EnumerateDirectories(machineCache, "clientgen*").Any();
        var fallback = Directory.Exists(machineCache) && !holdsClientGen
            ? $"<fallbackPackageFolders><add key=\"machine\" value=\"{machineCache}\" /></fallbackPackageFolders>"
            : string.Empty;
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config><add key="globalPackagesFolder" value="{Packages}" /></config>
              <packageSources><add key="clientgen-under-test" value="{Feed}" /></packageSources>
              {fallback}
            </configuration>
            """;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ClientGen.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("ClientGen.sln not found above " + AppContext.BaseDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFeed>
{
    public const string Name = "Packed packages";
}
