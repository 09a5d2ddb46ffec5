using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using ClientGen.Generator;
using ClientGen.Generator.Common;
using ClientGen.Generator.GraphQl;
using ClientGen.Generator.Model;
using ClientGen.Generator.OpenApi;

namespace ClientGen.Cli.Generate;

/// <summary>The generator's inputs read from disk (every file, with the options they are generated with) and how many specs they hold.</summary>
internal sealed record LoadedSpecs(ImmutableArray<(SpecFile File, SpecOptions Options)> Entries, int OpenApiCount, int GraphQlCount)
{
    public bool IsEmpty => OpenApiCount == 0 && GraphQlCount == 0;
}

/// <summary>Reads spec files from disk, with every file they reference, into the generator's work items.</summary>
internal static class SpecLoader
{
    public static LoadedSpecs Load(IEnumerable<string> paths, string? ns)
    {
        var options = new SpecOptions(ns, null, ns ?? "ClientGen.Generated");
        var files = new Dictionary<string, SpecFile>();
        var queue = new Queue<string>();
        foreach (var path in paths) queue.Enqueue(SpecPath.Normalize(Path.GetFullPath(path)));
        while (queue.Count > 0)
        {
            var path = queue.Dequeue();
            if (files.ContainsKey(path) || !File.Exists(path)) continue; // a missing reference is reported as CG0003
            var file = new SpecFile(path, File.ReadAllText(path));
            files[path] = file;
            if (GraphQlDiscovery.IsGraphQl(path)) continue;
            foreach (var reference in SpecDiscovery.ExternalReferences(file)) queue.Enqueue(reference);
        }
        var entries = ImmutableArray.CreateBuilder<(SpecFile, SpecOptions)>();
        foreach (var file in files.Values) entries.Add((file, options));
        var all = entries.ToImmutable();
        return new LoadedSpecs(all, GeneratorCore.OpenApiWorkItems(all).Length, GeneratorCore.GraphQlWorkItems(all).Length);
    }
}
