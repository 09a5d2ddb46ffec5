using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using ClientGen.Generator.Common;
using ClientGen.Generator.Model;
using ClientGen.Generator.Naming;
using NSwag;

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

        var methodNames = new NameScope(new[] { clientName, "Dispose", "Equals", "GetHashCode", "ToString", "GetType", "Core" });
        var operations = new OperationMapper(schemas, sink, methodNames).MapAll(document);
        var types = schemas.BuildAll();
        var waiters = WaiterMapper.Map(document, operations, types, sink);

        if (sink.Items.Any(d => DiagnosticDescriptors.ById(d.Id).DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)) return null;

        var servers = document.Servers?.Count > 0 ? OperationMapper.MapServers(document.Servers) : Swagger2Server(document);
        var apiHost = servers.Count > 0 && Uri.TryCreate(servers[0].Url, UriKind.Absolute, out var first) ? first.Host : null;
        var securitySchemes = (document.Components.SecuritySchemes ?? new Dictionary<string, OpenApiSecurityScheme>()).Select(s => MapSecurity(s.Key, s.Value, apiHost)).ToEquatableArray();
        var defaultSecurity = (document.Security ?? new List<OpenApiSecurityRequirement>()).SelectMany(r => r.Keys).Distinct().ToEquatableArray();

        return new ClientModel(
            ns,
            clientName,
            item.Root.Path,
            OperationMapper.Text(document.Info?.Title),
            OperationMapper.Text(document.Info?.Description),
            OperationMapper.Text(document.Info?.Version),
            servers.ToEquatableArray(),
            operations.ToEquatableArray(),
            types.ToEquatableArray(),
            securitySchemes,
            defaultSecurity,
            waiters.ToEquatableArray());
    }

    private static List<ServerModel> Swagger2Server(OpenApiDocument document)
    {
        if (string.IsNullOrEmpty(document.Host)) return string.IsNullOrEmpty(document.BasePath) ? new List<ServerModel>() : new List<ServerModel> { new("Default", document.BasePath!, null) };
        var scheme = document.Schemes?.Count > 0 ? document.Schemes.First().ToString().ToLowerInvariant() : "https";
        return new List<ServerModel> { new("Default", scheme + "://" + document.Host + (document.BasePath ?? string.Empty), null) };
    }

    private static SecuritySchemeModel MapSecurity(string key, OpenApiSecurityScheme scheme, string? apiHost)
    {
        var clientCredentials = scheme.Flows?.ClientCredentials;
        var flow = clientCredentials ?? scheme.Flows?.Password ?? scheme.Flows?.AuthorizationCode ?? scheme.Flows?.Implicit;
        var scopes = flow?.Scopes?.Keys ?? (ICollection<string>?)scheme.Scopes?.Keys ?? Array.Empty<string>();
        // Swagger 2.0 writes the flow as "application" with tokenUrl on the scheme itself.
        var tokenUrl = clientCredentials?.TokenUrl ?? (scheme.Flow == OpenApiOAuth2Flow.Application ? scheme.TokenUrl : null);
        var kind = scheme.Type switch
        {
            OpenApiSecuritySchemeType.OAuth2 when tokenUrl != null => SecuritySchemeKind.OAuth2ClientCredentials,
            OpenApiSecuritySchemeType.ApiKey when scheme.In == OpenApiSecurityApiKeyLocation.Header => SecuritySchemeKind.ApiKeyHeader,
            OpenApiSecuritySchemeType.Http when string.Equals(scheme.Scheme, "bearer", StringComparison.OrdinalIgnoreCase) => SecuritySchemeKind.HttpBearer,
            _ => SecuritySchemeKind.Other,
        };
        var follows = tokenUrl != null && apiHost != null && Uri.TryCreate(tokenUrl, UriKind.Absolute, out var token) && string.Equals(token.Host, apiHost, StringComparison.OrdinalIgnoreCase);
        return new SecuritySchemeModel(key, kind, scheme.Name, tokenUrl, follows, scopes.ToEquatableArray());
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
