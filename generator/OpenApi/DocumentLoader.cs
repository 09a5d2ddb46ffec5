using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using ClientGen.Generator.Common;
using ClientGen.Generator.Model;
using NJsonSchema;
using NJsonSchema.Generation;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NSwag;
using ClientGen.Generator.OpenApi.Schemas;

namespace ClientGen.Generator.OpenApi;

/// <summary>
/// Loads one root document with NSwag, turning every way it can fail into a located diagnostic.
/// </summary>
internal static class DocumentLoader
{
    private static readonly Regex s_unresolvedPath = new("Could not resolve the (?:JSON )?path '(?<ref>[^']+)'", RegexOptions.CultureInvariant);

    public static OpenApiDocument? Load(SpecWorkItem item, SpecLocator locator, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var files = item.References.ToDictionary(f => SpecPath.Normalize(f.Path), f => f.Text, StringComparer.Ordinal);
        var text = item.Root.Text.TrimStart('\uFEFF');
        var path = item.Root.Path;
        if (string.IsNullOrWhiteSpace(text))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSyntax, LocationInfo.FileStart(path), "the file is empty"));
            return null;
        }

        string json;
        try
        {
            var tree = ToTree(text, path, locator);
            var (inlined, first) = OperationReferences.Inline(tree, path, files, static (referenced, referencedPath) => ToTree(referenced, referencedPath, null));
            if (inlined > 0) diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.OperationReference, locator.Pointer(first! + "/$ref"), inlined.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            foreach (var (pointer, construct, consequence) in UnsupportedConstructs.Find(tree))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedConstruct, locator.Pointer(pointer), construct, consequence));
            }
            foreach (var (pointer, word) in UnknownTypeWords.Find(tree))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownTypeWord, locator.Pointer(pointer), word));
            }
            DocumentNormalizer.Normalize(tree);
            json = tree.ToString(Formatting.None);
        }
        catch (InputLimitException limit)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InputLimit, locator.LineColumn(limit.Line, limit.Column), limit.Message));
            return null;
        }
        catch (YamlDotNet.Core.YamlException yaml)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSyntax, locator.LineColumn(yaml.Start.Line, yaml.Start.Column), FirstLine(yaml.Message)));
            return null;
        }
        catch (Newtonsoft.Json.JsonReaderException reader)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSyntax, locator.LineColumn(reader.LineNumber, reader.LinePosition), FirstLine(reader.Message)));
            return null;
        }

        Func<OpenApiDocument, JsonReferenceResolver> resolverFactory = document =>
            new InMemoryReferenceResolver(new OpenApiSchemaResolver(document, new SystemTextJsonSchemaGeneratorSettings()), files);
        try
        {
            // NSwag's loaders are async only; they do no real I/O here (every file is served from memory),
            // so blocking is safe and was measured so inside the compiler.
            return OpenApiDocument.FromJsonAsync(json, path, SchemaType.OpenApi3, resolverFactory, cancellationToken).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            diagnostics.Add(Describe(Unwrap(ex), path, locator));
            return null;
        }
    }

    /// <summary>
    /// The document as normalized JSON text for NSwag: YAML converted by <see cref="YamlToJson"/>, then the
    /// constructs NSwag cannot load rewritten by <see cref="DocumentNormalizer"/>.
    /// </summary>
    public static string ToJson(string text, string path)
    {
        var tree = ToTree(text, path, null);
        DocumentNormalizer.Normalize(tree);
        return tree.ToString(Formatting.None);
    }

    /// <exception cref="InputLimitException">The text is nested too deeply, or its aliases expand too far; checked before any recursive parse.</exception>
    /// <param name="locator">Given the YAML parse as its line map, so placing a diagnostic never parses the text again.</param>
    private static JToken ToTree(string text, string path, SpecLocator? locator)
    {
        if (SpecDiscovery.IsYaml(path))
        {
            var tree = YamlToJson.Convert(text, out var root);
            if (root != null) locator?.Use(root);
            return tree;
        }
        InputLimits.CheckJson(text);
        return JToken.Parse(text, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Ignore, CommentHandling = CommentHandling.Ignore });
    }

    private static Exception Unwrap(Exception ex)
    {
        while ((ex is AggregateException || ex is System.Reflection.TargetInvocationException) && ex.InnerException != null) ex = ex.InnerException;
        return ex;
    }

    private static DiagnosticInfo Describe(Exception ex, string path, SpecLocator locator)
    {
        switch (ex)
        {
            case InputLimitException limit:
                // A referenced file passed a limit; its own positions are not in this file.
                return DiagnosticInfo.Create(DiagnosticDescriptors.InputLimit, LocationInfo.FileStart(path), "a referenced file: " + limit.Message);
            case UnresolvedReferenceException unresolved:
                return DiagnosticInfo.Create(DiagnosticDescriptors.UnresolvedReference, LocateReference(locator, unresolved.Reference), unresolved.Reference, unresolved.Detail);
            case Newtonsoft.Json.JsonSerializationException serialization when serialization.Path != null:
                // NSwag read normalized JSON, so its line numbers are not the spec's; its JSON path is.
                return DiagnosticInfo.Create(DiagnosticDescriptors.InvalidDocument, locator.Pointer(JsonPathToPointer(serialization.Path)), WithoutPosition(serialization.Message));
            case Newtonsoft.Json.JsonReaderException reader when reader.Path != null:
                return DiagnosticInfo.Create(DiagnosticDescriptors.InvalidDocument, locator.Pointer(JsonPathToPointer(reader.Path)), WithoutPosition(reader.Message));
        }

        var match = s_unresolvedPath.Match(ex.Message);
        if (match.Success)
        {
            var reference = match.Groups["ref"].Value;
            var detail = reference.StartsWith("#", StringComparison.Ordinal)
                ? string.Empty
                : " (add the file to the project's AdditionalFiles, and check that it contains the referenced fragment)";
            return DiagnosticInfo.Create(DiagnosticDescriptors.UnresolvedReference, LocateReference(locator, reference), reference, detail);
        }
        return DiagnosticInfo.Create(DiagnosticDescriptors.InvalidDocument, LocationInfo.FileStart(path), FirstLine(ex.Message));
    }

    /// <summary>Points at the <c>$ref</c> that names <paramref name="reference"/>, matching on its fragment when the file part was made absolute.</summary>
    private static LocationInfo LocateReference(SpecLocator locator, string reference)
    {
        var candidates = new List<string> { reference };
        var hash = reference.IndexOf('#');
        if (hash > 0) candidates.Add(reference.Substring(hash));
        var slash = reference.LastIndexOf('/');
        if (hash < 0 && slash >= 0) candidates.Add(reference.Substring(slash + 1));
        foreach (var candidate in candidates)
        {
            var location = locator.Text(candidate);
            if (location.Line != 0 || location.Column != 0) return location;
        }
        return locator.Text(reference);
    }

    /// <summary>Newtonsoft's <c>paths['/users'].get.parameters[0]</c> as a JSON pointer.</summary>
    public static string JsonPathToPointer(string jsonPath)
    {
        var segments = new List<string>();
        var i = 0;
        while (i < jsonPath.Length)
        {
            if (jsonPath[i] == '.')
            {
                i++;
                continue;
            }
            if (jsonPath[i] == '[')
            {
                var quoted = i + 1 < jsonPath.Length && jsonPath[i + 1] == '\'';
                var end = quoted ? jsonPath.IndexOf("']", i + 2, StringComparison.Ordinal) : jsonPath.IndexOf(']', i);
                if (end < 0) break;
                segments.Add(quoted ? jsonPath.Substring(i + 2, end - i - 2) : jsonPath.Substring(i + 1, end - i - 1));
                i = end + (quoted ? 2 : 1);
                continue;
            }
            var next = jsonPath.IndexOfAny(new[] { '.', '[' }, i);
            if (next < 0) next = jsonPath.Length;
            segments.Add(jsonPath.Substring(i, next - i));
            i = next;
        }
        return "/" + string.Join("/", segments.Select(JsonPointer.Escape));
    }

    private static string WithoutPosition(string message)
    {
        var first = FirstLine(message);
        var path = first.IndexOf(" Path '", StringComparison.Ordinal);
        return path > 0 ? first.Substring(0, path) : first;
    }

    private static string FirstLine(string message)
    {
        var newline = message.IndexOfAny(new[] { '\r', '\n' });
        return (newline < 0 ? message : message.Substring(0, newline)).Trim();
    }
}
