using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using ClientGen.Generator.Model;
using NJsonSchema;
using NJsonSchema.Generation;
using NSwag;

namespace ClientGen.Generator.OpenApi;

/// <summary>
/// Loads one root document with NSwag, turning every way it can fail into a located diagnostic.
/// </summary>
internal static class DocumentLoader
{
    private static readonly Regex s_unresolvedPath = new("Could not resolve the (?:JSON )?path '(?<ref>[^']+)'", RegexOptions.CultureInvariant);

    public static OpenApiDocument? Load(SpecWorkItem item, SpecLocator locator, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var files = item.References.ToDictionary(f => SpecDiscovery.NormalizePath(f.Path), f => f.Text, StringComparer.Ordinal);
        var text = item.Root.Text.TrimStart('\uFEFF');
        var path = item.Root.Path;
        if (string.IsNullOrWhiteSpace(text))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSyntax, LocationInfo.FileStart(path), "the file is empty"));
            return null;
        }

        Func<OpenApiDocument, JsonReferenceResolver> resolverFactory = document =>
            new InMemoryReferenceResolver(new OpenApiSchemaResolver(document, new JsonSchemaGeneratorSettings()), files);
        try
        {
            // NSwag's loaders are async only; they do no real I/O here (every file is served from memory),
            // so blocking is safe and was measured so inside the compiler.
            var task = SpecDiscovery.IsYaml(path)
                ? OpenApiYamlDocument.FromYamlAsync(text, path, SchemaType.OpenApi3, resolverFactory, cancellationToken)
                : OpenApiDocument.FromJsonAsync(text, path, SchemaType.OpenApi3, resolverFactory, cancellationToken);
            return task.GetAwaiter().GetResult();
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

    private static Exception Unwrap(Exception ex)
    {
        while ((ex is AggregateException || ex is System.Reflection.TargetInvocationException) && ex.InnerException != null) ex = ex.InnerException;
        return ex;
    }

    private static DiagnosticInfo Describe(Exception ex, string path, SpecLocator locator)
    {
        switch (ex)
        {
            case UnresolvedReferenceException unresolved:
                return DiagnosticInfo.Create(DiagnosticDescriptors.UnresolvedReference, LocateReference(locator, unresolved.Reference), unresolved.Reference, unresolved.Detail);
            case YamlDotNet.Core.YamlException yaml:
                return DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSyntax, locator.LineColumn(yaml.Start.Line, yaml.Start.Column), FirstLine(yaml.Message));
            case Newtonsoft.Json.JsonReaderException json when !SpecDiscovery.IsYaml(path):
                return DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSyntax, locator.LineColumn(json.LineNumber, json.LinePosition), FirstLine(json.Message));
            case Newtonsoft.Json.JsonSerializationException serialization when !SpecDiscovery.IsYaml(path) && serialization.LineNumber > 0:
                return DiagnosticInfo.Create(DiagnosticDescriptors.InvalidDocument, locator.LineColumn(serialization.LineNumber, serialization.LinePosition), FirstLine(serialization.Message));
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

    private static string FirstLine(string message)
    {
        var newline = message.IndexOfAny(new[] { '\r', '\n' });
        return (newline < 0 ? message : message.Substring(0, newline)).Trim();
    }
}
