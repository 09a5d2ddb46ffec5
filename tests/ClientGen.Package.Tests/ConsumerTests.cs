using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace ClientGen.Package.Tests;

/// <summary>A brand-new app that references only the ClientGen package, on the current LTS and the current release, JIT and Native AOT.</summary>
[Collection(PackageCollection.Name)]
public sealed class ConsumerTests
{
    private static readonly Regex Warning = new(@"\bwarning\s+[A-Z]+\d+", RegexOptions.Compiled);
    private static readonly Regex TrimOrAotWarning = new(@"\b(IL2\d{3}|IL3\d{3})\b", RegexOptions.Compiled);
    private readonly PackageFeed _feed;

    public ConsumerTests(PackageFeed feed) => _feed = feed;

    [Fact]
    public async Task A_new_app_with_only_the_ClientGen_package_builds_without_warnings_and_calls_its_client_on_net8_and_net10()
    {
        var consumer = new ConsumerProject(_feed, "consumer-jit");
        await consumer.AddPackageAsync("ClientGen");
        var build = await consumer.DotnetAsync(TimeSpan.FromMinutes(10), "build", "-c", "Release", "-p:EmitCompilerGeneratedFiles=true");
        Assert.True(build.ExitCode == 0, build.Describe());
        Assert.DoesNotMatch(Warning, build.Output);
        Assert.Contains("0 Warning(s)", build.Output, StringComparison.Ordinal);
        // Where README says EmitCompilerGeneratedFiles alone puts the generated files.
        Assert.Contains("<PrivateAssets>all</PrivateAssets>", File.ReadAllText(consumer.ProjectFile), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(consumer.Directory, "obj", "Release", "net8.0", "generated", "ClientGen.Generator", "ClientGen.Generator.ClientGenGenerator", "Consumer.InventoryClient.g.cs")));

        foreach (var framework in new[] { "net8.0", "net10.0" })
        {
            await using var server = await InventoryServer.StartAsync();
            var run = await consumer.RunBuiltAsync(framework, server.BaseAddress.ToString());
            AssertRanAgainst(server, run);
        }
        // The ClientGen.Runtime of the feed, not a copy from elsewhere, is what the app loaded.
        Assert.True(File.Exists(Path.Combine(_feed.Packages, "clientgen.runtime", _feed.Version, "lib", "net8.0", "ClientGen.Runtime.dll")));
    }

    [Fact]
    public async Task A_framework_dependent_publish_carries_the_runtime_and_runs()
    {
        var consumer = new ConsumerProject(_feed, "consumer-publish");
        await consumer.AddPackageAsync("ClientGen");
        var publish = await consumer.DotnetAsync(TimeSpan.FromMinutes(10), "publish", "-c", "Release", "-f", "net10.0", "-o", "published");
        Assert.True(publish.ExitCode == 0, publish.Describe());
        Assert.True(File.Exists(Path.Combine(consumer.Directory, "published", "ClientGen.Runtime.dll")), "publish left ClientGen.Runtime out");

        await using var server = await InventoryServer.StartAsync();
        var run = await ProcessRunner.RunAsync("dotnet", new[] { Path.Combine(consumer.Directory, "published", "Consumer.dll"), server.BaseAddress.ToString() }, consumer.Directory, TimeSpan.FromMinutes(1));
        AssertRanAgainst(server, run);
    }

    [Fact]
    public async Task Published_with_native_AOT_the_app_has_no_trim_or_AOT_warning_and_the_native_binary_calls_its_client()
    {
        var consumer = new ConsumerProject(_feed, "consumer-aot");
        await consumer.AddPackageAsync("ClientGen");
        var publish = await consumer.DotnetAsync(TimeSpan.FromMinutes(15), "publish", "-c", "Release", "-f", "net10.0", "-r", "linux-x64", "-p:PublishAot=true", "-o", "native");
        Assert.True(publish.ExitCode == 0, publish.Describe());
        Assert.DoesNotMatch(TrimOrAotWarning, publish.Output);
        Assert.DoesNotMatch(Warning, publish.Output);

        var binary = Path.Combine(consumer.Directory, "native", "Consumer");
        Assert.True(File.Exists(binary), "no native binary at " + binary);
        Assert.False(File.Exists(Path.Combine(consumer.Directory, "native", "Consumer.dll")), "the publish produced IL, not a native binary");
        await using var server = await InventoryServer.StartAsync();
        var run = await ProcessRunner.RunAsync(binary, new[] { server.BaseAddress.ToString() }, consumer.Directory, TimeSpan.FromMinutes(1));
        AssertRanAgainst(server, run);
    }

    [Fact]
    public async Task Without_the_runtime_the_build_fails_with_one_CG0006_naming_the_package_and_no_compiler_errors()
    {
        var consumer = new ConsumerProject(_feed, "consumer-no-runtime");
        await consumer.AddPackageAsync("ClientGen");
        // The app's own code does not touch the client, so every error left would be one the generated code caused.
        consumer.Edit("Program.cs", _ => "System.Console.WriteLine(\"hello\");\n");
        // Turns off what the package does for development-dependency references: the runtime is then invisible to the compiler.
        var build = await consumer.DotnetAsync(TimeSpan.FromMinutes(10), "build", "-c", "Release", "-f", "net10.0", "-p:ClientGenReferenceRuntime=false");

        Assert.NotEqual(0, build.ExitCode);
        var errors = Regex.Matches(build.Output, @"error (\w+\d+)").Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.True(errors.SequenceEqual(new[] { "CG0006" }), build.Describe());
        Assert.Contains($"<PackageReference Include=\"ClientGen.Runtime\" Version=\"{_feed.Version}\" />", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_prebuilt_vendor_clients_and_the_simulators_work_from_their_packages()
    {
        var consumer = new ConsumerProject(_feed, "vendor-consumer", "VendorConsumer");
        var build = await consumer.DotnetAsync(TimeSpan.FromMinutes(10), "build", "-c", "Release");
        Assert.True(build.ExitCode == 0, build.Describe());
        Assert.DoesNotMatch(Warning, build.Output);

        var run = await ProcessRunner.RunAsync("dotnet", new[] { Path.Combine(consumer.Directory, "bin", "Release", "net10.0", "VendorConsumer.dll") }, consumer.Directory, TimeSpan.FromMinutes(2));

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Contains("zuora COMPLETED EnergyCapReportDistributionClient ZscalerUvmReportingClient", run.Output, StringComparison.Ordinal);
    }

    private static void AssertRanAgainst(InventoryServer server, ProcessResult run)
    {
        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Contains("created item-1 bolt active", run.Output, StringComparison.Ordinal);
        Assert.Contains("listed 2 item-1,item-2", run.Output, StringComparison.Ordinal);
        Assert.Contains("not found 404 No item missing", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"json round-trips \{""id"":""item-1"",""name"":""bolt"",""count"":12,""state"":""active""", run.Output);
        Assert.Contains($"kiota {server.BaseAddress.ToString().TrimEnd('/')}/items", run.Output, StringComparison.Ordinal);
        Assert.Equal(new[] { "POST /items key=consumer-key", "GET /items?state=active key=consumer-key", "GET /items/missing key=consumer-key" }, server.Requests.ToArray());
    }
}
