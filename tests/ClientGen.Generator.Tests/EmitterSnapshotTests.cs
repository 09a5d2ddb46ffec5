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
/// The emitter is a pure function of the model; its output for the Zuora spec is committed under
/// Snapshots/ and compared byte for byte. Set CLIENTGEN_UPDATE_SNAPSHOTS=1 to accept a deliberate change,
/// then review the diff like any other code.
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
