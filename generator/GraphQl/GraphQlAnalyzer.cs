using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ClientGen.Generator.Common;
using ClientGen.Generator.Model;
using GraphQLParser;
using GraphQLParser.Exceptions;

namespace ClientGen.Generator.GraphQl;

/// <summary>Parses one GraphQL client's files, builds its schema and validates its operations. Never throws.</summary>
public static class GraphQlAnalyzer
{
    /// <summary>Only the diagnostics (validation without generation).</summary>
    public static EquatableArray<DiagnosticInfo> Analyze(GraphQlWorkItem item, CancellationToken cancellationToken) => Process(item, cancellationToken).Diagnostics;

    /// <summary>Diagnostics, and the client model when the operations are valid.</summary>
    public static GraphQlResult Process(GraphQlWorkItem item, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        GraphQlClientModel? model = null;
        try
        {
            var sources = new List<GraphQlSource>();
            foreach (var file in item.Files)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (GraphQlDiscovery.IsIntrospectionJson(file))
                {
                    if (Introspected(file, diagnostics) is { } introspected) sources.Add(introspected);
                    continue;
                }
                try
                {
                    var document = Parser.Parse(file.Text, new ParserOptions { Ignore = IgnoreOptions.Comments });
                    sources.Add(new GraphQlSource(file, document));
                }
                catch (GraphQLParserException ex)
                {
                    var locator = new SpecLocator(file.Path, file.Text);
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GraphQlSyntax, locator.LineColumn(ex.Location.Line, ex.Location.Column), ex.Description));
                }
            }
            if (sources.Count == 0) return new GraphQlResult(item.Folder, null, diagnostics.ToEquatableArray());

            var hasSchema = item.Files.Any(GraphQlDiscovery.IsSchema);
            var hasOperations = sources.Any(s => s.Document.Definitions.Any(d => d is GraphQLParser.AST.GraphQLOperationDefinition));
            if (!hasSchema)
            {
                if (hasOperations)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GraphQlNoSchema, LocationInfo.FileStart(item.Files[0].Path), item.Folder));
                }
                return new GraphQlResult(item.Folder, null, diagnostics.ToEquatableArray());
            }

            var schema = SchemaBuilder.Build(sources, diagnostics);
            var documents = new GraphQlDocumentSet(sources);
            new OperationValidator(schema, documents, diagnostics).Validate();
            var hasErrors = diagnostics.Any(d => DiagnosticDescriptors.ById(d.Id).DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
            if (hasOperations && !hasErrors)
            {
                var clientName = ClientNameOf(item);
                model = new GraphQlModelBuilder(schema, documents, diagnostics, clientName).Build(item, ClientNaming.Namespace(item.Options), clientName);
            }
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            diagnostics.Add(DiagnosticInfo.InternalError(item.Files[0].Path, ex));
        }
        return new GraphQlResult(item.Folder, model, diagnostics.ToEquatableArray());
    }

    /// <summary>Metadata override, else the folder's name: <c>specs/zscaler-uvm</c> → ZscalerUvmClient.</summary>
    /// <summary>
    /// An introspection result as a schema source: its SDL, parsed like any other. Locations in it are the file's start
    /// (the SDL has no lines of the JSON's); one that cannot be read is CG2201 with the reason.
    /// </summary>
    private static GraphQlSource? Introspected(SpecFile file, List<DiagnosticInfo> diagnostics)
    {
        try
        {
            var sdl = IntrospectionSdl.Convert(file.Text);
            return new GraphQlSource(new SpecFile(file.Path, sdl), Parser.Parse(sdl, new ParserOptions { Ignore = IgnoreOptions.Comments })) { IsSynthesized = true };
        }
        catch (Exception ex) when (ex is FormatException or GraphQLParserException)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GraphQlIntrospectionJson, LocationInfo.FileStart(file.Path), System.IO.Path.GetFileName(file.Path), ex.Message));
            return null;
        }
    }

    private static string ClientNameOf(GraphQlWorkItem item)
    {
        if (!string.IsNullOrWhiteSpace(item.Options.ClientName)) return Naming.Identifier.Pascal(item.Options.ClientName, "GraphQlClient");
        var folder = item.Folder.Substring(item.Folder.LastIndexOf('/') + 1);
        var name = Naming.Identifier.Pascal(folder, "GraphQl");
        return name.EndsWith("Client", StringComparison.Ordinal) ? name : name + "Client";
    }
}
