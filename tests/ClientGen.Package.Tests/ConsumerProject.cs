using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace ClientGen.Package.Tests;

/// <summary>
/// A copy of Consumer/ in a folder of its own, below the feed's nuget.config and Directory.Build.props (so NuGet finds
/// the feed and the isolated cache by walking up, as in a user's repository), built with the dotnet CLI as a user builds it.
/// </summary>
public sealed class ConsumerProject
{
    private readonly PackageFeed _feed;

    /// <param name="template">The folder beside the tests to copy: Consumer (references ClientGen) or VendorConsumer.</param>
    public ConsumerProject(PackageFeed feed, string name, string template = "Consumer")
    {
        _feed = feed;
        Directory = Path.Combine(feed.Root, name);
        Copy(Path.Combine(AppContext.BaseDirectory, template), Directory);
    }

    public string Directory { get; }

    /// <summary>The user's one step; NuGet writes the reference (for a development dependency: PrivateAssets, IncludeAssets).</summary>
    public async Task AddPackageAsync(string id)
    {
        var add = await ProcessRunner.DotnetAsync(Directory, TimeSpan.FromMinutes(5), Environment(), "add", ProjectFile, "package", id, "--version", _feed.Version);
        if (add.ExitCode != 0) throw new InvalidOperationException(add.Describe());
    }

    public string ProjectFile => Path.Combine(Directory, "Consumer.csproj");

    public Task<ProcessResult> DotnetAsync(TimeSpan timeout, params string[] arguments) =>
        ProcessRunner.DotnetAsync(Directory, timeout, Environment(), arguments);

    /// <summary>Runs the built app for one target framework. A net8.0 build runs on the newest runtime when no .NET 8 runtime is installed.</summary>
    public Task<ProcessResult> RunBuiltAsync(string targetFramework, params string[] arguments)
    {
        var dll = Path.Combine(Directory, "bin", "Release", targetFramework, "Consumer.dll");
        var environment = new Dictionary<string, string?>(Environment()) { ["DOTNET_ROLL_FORWARD"] = "Major" };
        return ProcessRunner.RunAsync("dotnet", new[] { dll }.Concat(arguments), Directory, TimeSpan.FromMinutes(2), environment);
    }

    public void Edit(string relativePath, Func<string, string> edit)
    {
        var path = Path.Combine(Directory, relativePath);
        File.WriteAllText(path, edit(File.ReadAllText(path)));
    }

    private IReadOnlyDictionary<string, string?> Environment() => new Dictionary<string, string?>
    {
        ["NUGET_PACKAGES"] = _feed.Packages,
        // The consumer is a stranger to this repository: no CI-only properties, no shared build server state.
        ["CI"] = null,
        ["ContinuousIntegrationBuild"] = null,
    };

    private static void Copy(string from, string to)
    {
        foreach (var file in System.IO.Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
