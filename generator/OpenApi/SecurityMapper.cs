using System;
using System.Collections.Generic;
using System.Linq;
using ClientGen.Generator.Model;
using NSwag;

namespace ClientGen.Generator.OpenApi;

/// <summary>
/// The security schemes a client can apply: OAuth 2.0 client credentials, an API key header, HTTP bearer;
/// any other scheme is kept as <see cref="SecuritySchemeKind.Other"/> so operations that name it still resolve.
/// </summary>
internal static class SecurityMapper
{
    public static List<SecuritySchemeModel> Map(OpenApiDocument document, string? apiHost, DiagnosticSink sink)
    {
        var result = new List<SecuritySchemeModel>();
        var prefix = document.SchemaType == NJsonSchema.SchemaType.Swagger2 ? "/securityDefinitions/" : "/components/securitySchemes/";
        foreach (var entry in document.Components?.SecuritySchemes ?? new Dictionary<string, OpenApiSecurityScheme>())
        {
            if (entry.Value == null)
            {
                // "bearerAuth:" with nothing after it reads as null, not as an empty scheme.
                sink.Warn(DiagnosticDescriptors.UnsupportedConstruct, prefix + entry.Key, $"The security scheme '{entry.Key}' without a definition", "it is ignored");
                continue;
            }
            result.Add(Map(entry.Key, entry.Value, apiHost));
        }
        return result;
    }

    /// <summary><c>x-clientgen-entity-header: Zuora-Entity-Ids</c>: the header a token request names the tenant entity in.</summary>
    private static string? EntityHeader(OpenApiSecurityScheme scheme) =>
        scheme.ExtensionData != null && scheme.ExtensionData.TryGetValue("x-clientgen-entity-header", out var value) && value is string name && name.Trim().Length > 0 ? name.Trim() : null;

    private static SecuritySchemeModel Map(string key, OpenApiSecurityScheme scheme, string? apiHost)
    {
        var clientCredentials = scheme.Flows?.ClientCredentials;
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
        return new SecuritySchemeModel(key, kind, scheme.Name, tokenUrl, follows, EntityHeader(scheme));
    }
}
