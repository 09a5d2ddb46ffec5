using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace ClientGen.Generator;

/// <summary>
/// Every diagnostic the generator reports. Ids are stable and documented in docs/diagnostics.md:
/// CG0xxx are errors that stop one spec from generating, CG1xxx are warnings about constructs we
/// generate in a reduced form.
/// </summary>
public static class DiagnosticDescriptors
{
    private const string Category = "ClientGen";

    public static readonly DiagnosticDescriptor InvalidSyntax = new(
        "CG0001", "Spec is not valid YAML or JSON", "The spec could not be read: {0}", Category, DiagnosticSeverity.Error, true);

    public static readonly DiagnosticDescriptor InvalidDocument = new(
        "CG0002", "Spec is not a valid OpenAPI document", "The spec could not be loaded as OpenAPI: {0}", Category, DiagnosticSeverity.Error, true);

    public static readonly DiagnosticDescriptor UnresolvedReference = new(
        "CG0003", "Unresolved $ref", "The reference '{0}' could not be resolved{1}", Category, DiagnosticSeverity.Error, true);

    public static readonly DiagnosticDescriptor DuplicateOperationId = new(
        "CG0004", "Duplicate operationId", "The operationId '{0}' is used by more than one operation ({1})", Category, DiagnosticSeverity.Error, true);

    public static readonly DiagnosticDescriptor InternalError = new(
        "CG0005", "The generator failed on this spec", "ClientGen could not generate a client from this spec: {0}", Category, DiagnosticSeverity.Error, true);

    public static readonly DiagnosticDescriptor UnsupportedConstruct = new(
        "CG1001", "Unsupported construct", "{0} is not supported; {1}", Category, DiagnosticSeverity.Warning, true);

    public static readonly DiagnosticDescriptor UntaggedUnion = new(
        "CG1002", "Union without a discriminator", "{0} '{1}' has no discriminator; it is generated as JsonElement", Category, DiagnosticSeverity.Warning, true);

    public static readonly DiagnosticDescriptor UnsupportedMediaType = new(
        "CG1003", "Media type not modelled", "The {0} media type '{1}' of operation '{2}' is not modelled; {3}", Category, DiagnosticSeverity.Warning, true);

    public static readonly DiagnosticDescriptor InvalidWaiter = new(
        "CG1004", "Waiter declaration not usable", "The waiter '{0}' is ignored: {1}", Category, DiagnosticSeverity.Warning, true);

    private static readonly Dictionary<string, DiagnosticDescriptor> s_byId = new()
    {
        [InvalidSyntax.Id] = InvalidSyntax,
        [InvalidDocument.Id] = InvalidDocument,
        [UnresolvedReference.Id] = UnresolvedReference,
        [DuplicateOperationId.Id] = DuplicateOperationId,
        [InternalError.Id] = InternalError,
        [UnsupportedConstruct.Id] = UnsupportedConstruct,
        [UntaggedUnion.Id] = UntaggedUnion,
        [UnsupportedMediaType.Id] = UnsupportedMediaType,
        [InvalidWaiter.Id] = InvalidWaiter,
    };

    public static DiagnosticDescriptor ById(string id) => s_byId[id];
}
