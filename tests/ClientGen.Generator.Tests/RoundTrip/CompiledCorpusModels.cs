using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using ClientGen.Generator.Tests.Conformance;
using Microsoft.CodeAnalysis;

namespace ClientGen.Generator.Tests.RoundTrip;

/// <summary>A corpus document's generated client, compiled and loaded, so its models can be exercised for real.</summary>
internal static class CompiledCorpusModels
{
    public static Assembly Load(string document)
    {
        var (row, run) = ConformanceRunner.RunOpenApi(document);
        using var image = new MemoryStream();
        var emitted = run.Output.Emit(image);
        if (!emitted.Success)
        {
            throw new InvalidOperationException($"{document} did not compile: " + string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5)));
        }
        image.Position = 0;
        // A context of its own: every document's models live in the namespace "Conformance".
        return new AssemblyLoadContext(document, isCollectible: true).LoadFromStream(image);
    }

    /// <summary>The generated model records (not enums, clients or options).</summary>
    public static IReadOnlyList<Type> Models(Assembly assembly) =>
        assembly.GetExportedTypes()
            .Where(t => t.IsClass && !t.IsAbstract && t.GetProperty("AdditionalProperties") != null && t.GetNestedType("ClientGenJsonConverter") != null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToList();
}
