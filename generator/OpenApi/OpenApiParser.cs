using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using ClientGen.Generator.Common;
using ClientGen.Generator.Model;
using ClientGen.Generator.Naming;
using NSwag;
using ClientGen.Generator.OpenApi.Operations;
using ClientGen.Generator.OpenApi.Schemas;

namespace ClientGen.Generator.OpenApi;

/// <summary>Turns one <see cref="SpecWorkItem"/> into a <see cref="ClientModel"/> and its diagnostics. Never throws.</summary>
public static class OpenApiParser
{
    public static ParseResult Parse(SpecWorkItem item, CancellationToken cancellationToken)
    {
        var locator = new SpecLocator(item.Root.Path, item.Root.Text);
        var sink = new DiagnosticSink(locator);
        try
        {
            var document = DocumentLoader.Load(item, locator, sink.Items, cancellationToken);
            var model = document == null ? null : BuildModel(item, document, sink);
            return new ParseResult(item.Root.Path, model, sink.Items.ToEquatableArray());
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            sink.Items.Add(DiagnosticInfo.InternalError(item.Root.Path, ex));
            return new ParseResult(item.Root.Path, null, sink.Items.ToEquatableArray());
        }
    }

    private static ClientModel? BuildModel(SpecWorkItem item, OpenApiDocument document, DiagnosticSink sink)
    {
        var clientName = ClientNameOf(item, document);
        var ns = ClientNaming.Namespace(item.Options);
        var typeNames = new NameScope(CompanionTypes.ReservedTypeNames(clientName));
        var schemas = new SchemaMapper(typeNames, sink);
        var swagger2 = document.SchemaType == NJsonSchema.SchemaType.Swagger2;
        schemas.DeclareComponents(document.Components.Schemas, swagger2 ? "/definitions/" : "/components/schemas/");

        var servers = ServerMapper.OfDocument(document, clientName);
        var apiHost = servers.Count > 0 && Uri.TryCreate(servers[0].Url, UriKind.Absolute, out var first) ? first.Host : null;
        var securitySchemes = SecurityMapper.Map(document, apiHost, sink).ToEquatableArray();
        var trackIdHeader = ClientExtensions.HeaderName(document, ClientExtensions.TrackIdHeaderExtension, sink);

        var methodNames = new NameScope(EmittedMembers.OfClient(clientName));
        var operations = new OperationMapper(schemas, sink, methodNames, new RuntimeHeaders(securitySchemes, trackIdHeader)).MapAll(document, item.Options.Filter);
        operations.AddRange(operations.Where(o => o.Success.FileAccept.Count > 0).ToList().Select(o => FileTwins.Of(o, methodNames)));
        var types = schemas.BuildAll();
        // A filtered client carries only the types its operations reach: the point of a filter is a smaller build.
        if (!item.Options.Filter.IsEmpty) types = TypeTrimmer.Reachable(types, operations);
        var waiters = WaiterMapper.Map(document, operations, types, sink);
        var paginations = PaginationMapper.Map(document, operations, types, methodNames, sink);
        // Claimed last, so an operation the spec names FooWithResponse keeps its name and this twin moves aside.
        var responseMethods = operations.Where(o => o.Success.Kind is ResponseKind.Json or ResponseKind.Text or ResponseKind.None)
            .Select(o => new ResponseMethodModel(o, methodNames.Claim(o.MethodName.Substring(0, o.MethodName.Length - "Async".Length) + "WithResponseAsync")))
            .ToList();

        if (sink.Items.Any(d => DiagnosticDescriptors.ById(d.Id).DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)) return null;

        var title = SpecText.OrNull(document.Info?.Title);
        var shape = new ClientShape
        {
            Namespace = ns,
            ClientName = clientName,
            OptionsDoc = $"Options for <see cref=\"{clientName}\"/>: which environment to call, or any base address.",
            EnvironmentsDoc = $"The environments (servers) {Emit.Text.Xml(title ?? clientName)} documents.",
            Servers = servers.ToEquatableArray(),
            Headers = EquatableArray<HeaderModel>.Empty,
            SecuritySchemes = securitySchemes,
            ConstantHeaders = ClientExtensions.ConstantHeaders(document, sink),
            TrackIdHeader = trackIdHeader,
            RequestIdHeader = ClientExtensions.HeaderName(document, ClientExtensions.RequestIdHeaderExtension, sink),
        };
        return new ClientModel
        {
            Shape = shape,
            SourceFile = item.Root.Path,
            Title = title,
            Description = SpecText.OrNull(document.Info?.Description),
            Version = SpecText.OrNull(document.Info?.Version),
            Operations = operations.ToEquatableArray(),
            Types = types.ToEquatableArray(),
            Waiters = waiters.ToEquatableArray(),
            Paginations = paginations.ToEquatableArray(),
            ResponseMethods = responseMethods.ToEquatableArray(),
        };
    }

    /// <summary>Metadata override, else <c>info.title</c>, else the file name; always ends in "Client".</summary>
    public static string ClientNameOf(SpecWorkItem item, OpenApiDocument? document)
    {
        if (!string.IsNullOrWhiteSpace(item.Options.ClientName)) return Identifier.Pascal(item.Options.ClientName, "ApiClient");
        var source = !string.IsNullOrWhiteSpace(document?.Info?.Title) ? document!.Info.Title : ClientNaming.FileStem(item.Root.Path);
        var name = Identifier.Pascal(source, "Api");
        foreach (var suffix in new[] { "ApiClient", "Client", "Api" })
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Length > suffix.Length)
            {
                name = name.Substring(0, name.Length - suffix.Length);
                break;
            }
        }
        return name + "Client";
    }
}
