using System;
using System.IO;
using System.Linq;
using System.Threading;
using ClientGen.Generator.Emit;
using ClientGen.Generator.Model;
using ClientGen.Generator.OpenApi;
using ClientGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ClientGen.Generator.Tests;

/// <summary>
/// The emitter is a pure function of the model; its output for the three vendor specs (Zuora and EnergyCAP
/// through the OpenAPI front end, Zscaler UVM through the GraphQL one) is committed under Snapshots/ and compared
/// byte for byte. Set CLIENTGEN_UPDATE_SNAPSHOTS=1 to accept a deliberate change, then review the diff like any other code.
/// </summary>
public sealed class EmitterSnapshotTests
{
    private static readonly string SnapshotDirectory = Repo.Path("tests", "ClientGen.Generator.Tests", "Snapshots");

    public static TheoryData<string> ZuoraFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Emit().Select(f => f.HintName)) data.Add(file);
        return data;
    }

    [Theory]
    [MemberData(nameof(ZuoraFiles))]
    public void Zuora_output_matches_its_snapshot(string hintName)
    {
        var file = Emit().Single(f => f.HintName == hintName);
        var snapshot = Path.Combine(SnapshotDirectory, "Zuora", hintName);

        if (Environment.GetEnvironmentVariable("CLIENTGEN_UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(snapshot)!);
            File.WriteAllText(snapshot, file.Text);
        }

        Assert.True(File.Exists(snapshot), $"No snapshot for {hintName}; run the tests with CLIENTGEN_UPDATE_SNAPSHOTS=1 and review it.");
        Assert.Equal(File.ReadAllText(snapshot), file.Text);
    }

    public static TheoryData<string, string> OtherVendorFiles()
    {
        var data = new TheoryData<string, string>();
        foreach (var vendor in new[] { "EnergyCap", "ZscalerUvm" })
        {
            foreach (var file in EmitVendor(vendor)) data.Add(vendor, file.HintName);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(OtherVendorFiles))]
    public void EnergyCap_and_Zscaler_output_matches_its_snapshot(string vendor, string hintName)
    {
        var file = EmitVendor(vendor).Single(f => f.HintName == hintName);
        var snapshot = Path.Combine(SnapshotDirectory, vendor, hintName);

        if (Environment.GetEnvironmentVariable("CLIENTGEN_UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(snapshot)!);
            File.WriteAllText(snapshot, file.Text);
        }

        Assert.True(File.Exists(snapshot), $"No snapshot for {vendor}/{hintName}; run the tests with CLIENTGEN_UPDATE_SNAPSHOTS=1 and review it.");
        Assert.Equal(File.ReadAllText(snapshot), file.Text);
    }

    [Theory]
    [InlineData("EnergyCap")]
    [InlineData("ZscalerUvm")]
    public void Every_vendor_snapshot_is_still_produced(string vendor)
    {
        var produced = EmitVendor(vendor).Select(f => f.HintName).ToHashSet();
        var stale = Directory.EnumerateFiles(Path.Combine(SnapshotDirectory, vendor)).Select(Path.GetFileName).Where(name => !produced.Contains(name!)).ToList();

        Assert.True(stale.Count == 0, "Snapshots no longer produced: " + string.Join(", ", stale));
    }

    /// <summary>The client as its vendor project generates it: the same namespace and client name options.</summary>
    private static System.Collections.Generic.List<GeneratedFile> EmitVendor(string vendor)
    {
        if (vendor == "EnergyCap")
        {
            var path = Repo.Path("specs", "energycap", "energycap-report-distribution.yaml");
            var item = new SpecWorkItem(new SpecFile("/specs/energycap/energycap-report-distribution.yaml", File.ReadAllText(path)), EquatableArray<SpecFile>.Empty, new SpecOptions(null, null, "ClientGen.EnergyCap"));
            var result = OpenApiParser.Parse(item, CancellationToken.None);
            Assert.Empty(result.Diagnostics);
            return Emitter.Emit(result.Model!);
        }
        var files = new EquatableArray<SpecFile>(new[] { "schema.graphql", "operations.graphql" }
            .Select(name => new SpecFile("/specs/zscaler-uvm/" + name, File.ReadAllText(Repo.Path("specs", "zscaler-uvm", name)))));
        var graphQl = GraphQl.GraphQlAnalyzer.Process(new GraphQl.GraphQlWorkItem("/specs/zscaler-uvm", files, new SpecOptions(null, "ZscalerUvmReportingClient", "ClientGen.ZscalerUvm")), CancellationToken.None);
        Assert.Empty(graphQl.Diagnostics);
        return GraphQlEmitter.Emit(graphQl.Model!);
    }

    [Fact]
    public void Every_snapshot_is_still_produced()
    {
        var produced = Emit().Select(f => f.HintName).ToHashSet();
        var stale = Directory.EnumerateFiles(Path.Combine(SnapshotDirectory, "Zuora")).Select(Path.GetFileName).Where(name => !produced.Contains(name!)).ToList();

        Assert.True(stale.Count == 0, "Snapshots no longer produced: " + string.Join(", ", stale));
    }

    [Fact]
    public void Emitting_twice_gives_identical_text()
    {
        Assert.Equal(Emit().Select(f => f.Text), Emit().Select(f => f.Text));
    }

    private static System.Collections.Generic.List<GeneratedFile> Emit()
    {
        var path = Repo.Path("specs", "zuora", "zuora-reporting.yaml");
        var item = new SpecWorkItem(new SpecFile("/specs/zuora/zuora-reporting.yaml", File.ReadAllText(path)), EquatableArray<SpecFile>.Empty, new SpecOptions(null, null, "ClientGen.Zuora"));
        var result = OpenApiParser.Parse(item, CancellationToken.None);
        Assert.Empty(result.Diagnostics);
        return Emitter.Emit(result.Model!);
    }
}
