using System.Collections.Generic;
using System.Linq;
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

    public static readonly DiagnosticDescriptor RuntimeMissing = new(
        "CG0006", "ClientGen.Runtime is not referenced", "No client is generated from '{0}': the generated code calls ClientGen.Runtime, which this project does not reference. Add <PackageReference Include=\"ClientGen.Runtime\" Version=\"{1}\" /> (the ClientGen package brings it unless its assets were excluded).", Category, DiagnosticSeverity.Error, true);

    public static readonly DiagnosticDescriptor RuntimeVersionMismatch = new(
        "CG0007", "ClientGen.Runtime of another version", "No client is generated from '{0}': this project references ClientGen.Runtime {1}, but the ClientGen generator is {2}, and the generated code calls members of its own version. Reference ClientGen.Runtime {2} (all ClientGen packages share one version).", Category, DiagnosticSeverity.Error, true);

    public static readonly DiagnosticDescriptor InputLimit = new(
        "CG0008", "Spec exceeds an input limit", "The spec is not read: {0}", Category, DiagnosticSeverity.Error, true);

    public static readonly DiagnosticDescriptor UnsupportedConstruct = new(
        "CG1001", "Unsupported construct", "{0} is not supported; {1}", Category, DiagnosticSeverity.Warning, true);

    public static readonly DiagnosticDescriptor UntaggedUnion = new(
        "CG1002", "Union members not told apart", "Union '{0}': {1} and {2} cannot be told apart from their JSON; such a value is read as {1}", Category, DiagnosticSeverity.Warning, true);

    public static readonly DiagnosticDescriptor UnsupportedMediaType = new(
        "CG1003", "Media type not modelled", "The {0} media type '{1}' of operation '{2}' is not modelled; {3}", Category, DiagnosticSeverity.Warning, true);

    public static readonly DiagnosticDescriptor OperationNamedByTag = new(
        "CG1005", "Operation named by its tag", "The operationId '{0}' is used by {1} operations, each under another tag; they are generated as {2}", Category, DiagnosticSeverity.Warning, true);

    public static readonly DiagnosticDescriptor UnknownTypeWord = new(
        "CG1006", "Unknown schema type", "'{0}' is not a JSON Schema type (string, number, integer, boolean, array, object, null); the value is generated untyped, as JsonElement", Category, DiagnosticSeverity.Warning, true);

    public static readonly DiagnosticDescriptor NamespaceCollision = new(
        "CG1007", "Client generated in a namespace of its own", "'{0}' declares {1}, which another spec in namespace '{2}' declares too; its client and types are generated in namespace '{3}' (set ClientGenNamespace on the specs to choose)", Category, DiagnosticSeverity.Warning, true);

    public static readonly DiagnosticDescriptor InvalidWaiter = new(
        "CG1004", "Waiter declaration not usable", "The waiter '{0}' is ignored: {1}", Category, DiagnosticSeverity.Warning, true);

    public static readonly DiagnosticDescriptor OperationReference = new(
        "CG1009", "Operations given as $ref", "{0} operation(s) are given as $ref to another file, which OpenAPI allows only on path items; each is read from the file it names", Category, DiagnosticSeverity.Info, true);

    public static readonly DiagnosticDescriptor InvalidPagination = new(
        "CG1008", "Pagination declaration not usable", "The pagination of '{0}' is ignored (the operation is still generated): {1}", Category, DiagnosticSeverity.Warning, true);

    public static readonly DiagnosticDescriptor FilterMatchesNothing = new(
        "CG1010", "Operation filter entry matches nothing", "{0} '{1}' matches no operation of this spec; check its spelling ({2})", Category, DiagnosticSeverity.Warning, true);

    // GraphQL: CG20xx schema problems, CG21xx operation validation (the GraphQL spec's rules), CG22xx input files.
    public static readonly DiagnosticDescriptor GraphQlSyntax = new(
        "CG2001", "GraphQL syntax error", "GraphQL syntax error: {0}", Category, DiagnosticSeverity.Error, true);

    public static readonly DiagnosticDescriptor GraphQlDuplicateDefinition = new(
        "CG2002", "GraphQL definition repeated", "{0} is defined more than once", Category, DiagnosticSeverity.Error, true);

    public static readonly DiagnosticDescriptor GraphQlUnknownType = new(
        "CG2003", "Unknown GraphQL type", "Unknown type '{0}'", Category, DiagnosticSeverity.Error, true);

    public static readonly DiagnosticDescriptor GraphQlUnknownField = new(
        "CG2101", "Unknown GraphQL field", "Cannot query field '{0}' on type '{1}'", Category, DiagnosticSeverity.Error, true);

    public static readonly DiagnosticDescriptor GraphQlUnknownArgument = new(
        "CG2102", "Unknown GraphQL argument", "Unknown argument '{0}' on field '{1}'", Category, DiagnosticSeverity.Error, true);

    public static readonly DiagnosticDescriptor GraphQlMissingArgument = new(
        "CG2103", "Missing required GraphQL argument", "Field '{0}' requires argument '{1}' of type {2}", Category, DiagnosticSeverity.Error, true);

    public static readonly DiagnosticDescriptor GraphQlVariableType = new(
        "CG2104", "GraphQL variable used in a position of another type", "Variable '${0}' of type {1} is used where {2} is expected", Category, DiagnosticSeverity.Error, true);

    public static readonly DiagnosticDescriptor GraphQlUndefinedVariable = new(
        "CG2105", "Undefined GraphQL variable", "Variable '${0}' is not defined by operation '{1}'", Category, DiagnosticSeverity.Error, true);

    public static readonly DiagnosticDescriptor GraphQlUnusedVariable = new(
        "CG2106", "Unused GraphQL variable", "Variable '${0}' is never used in operation '{1}'", Category, DiagnosticSeverity.Error, true);

    public static readonly DiagnosticDescriptor GraphQlUnknownFragment = new(
        "CG2107", "Unknown GraphQL fragment", "Unknown fragment '{0}'", Category, DiagnosticSeverity.Error, true);

    public static readonly DiagnosticDescriptor GraphQlUnusedFragment = new(
        "CG2108", "Unused GraphQL fragment", "Fragment '{0}' is never used", Category, DiagnosticSeverity.Error, true);

    public static readonly DiagnosticDescriptor GraphQlSelection = new(
        "CG2109", "GraphQL selection does not fit the field's type", "{0}", Category, DiagnosticSeverity.Error, true);

    public static readonly DiagnosticDescriptor GraphQlOperationName = new(
        "CG2110", "GraphQL operation names", "{0}", Category, DiagnosticSeverity.Error, true);

    public static readonly DiagnosticDescriptor GraphQlFieldConflict = new(
        "CG2111", "GraphQL fields cannot be merged", "Fields '{0}' conflict: {1}", Category, DiagnosticSeverity.Error, true);

    public static readonly DiagnosticDescriptor GraphQlVariableNotInput = new(
        "CG2112", "GraphQL variable of a non-input type", "Variable '${0}' cannot be of type {1}: it is not an input type", Category, DiagnosticSeverity.Error, true);

    public static readonly DiagnosticDescriptor GraphQlFragmentType = new(
        "CG2113", "GraphQL fragment on an impossible type", "{0}", Category, DiagnosticSeverity.Error, true);

    public static readonly DiagnosticDescriptor GraphQlUnmappedScalar = new(
        "CG2203", "GraphQL custom scalar without a mapping", "The custom scalar '{0}' has no .NET mapping; its values are generated as JsonElement", Category, DiagnosticSeverity.Warning, true);

    public static readonly DiagnosticDescriptor GraphQlIntrospectionJson = new(
        "CG2201", "GraphQL introspection JSON not readable", "'{0}' looks like a GraphQL introspection result, but it cannot be read as a schema: {1}", Category, DiagnosticSeverity.Warning, true);

    public static readonly DiagnosticDescriptor GraphQlNoSchema = new(
        "CG2202", "GraphQL operations without a schema", "The GraphQL files in '{0}' define operations but no schema in this folder or a parent folder; they are not checked or generated", Category, DiagnosticSeverity.Warning, true);

    // Every descriptor above, found by reflection so a new one cannot be left out; built on first use, after the fields.
    private static Dictionary<string, DiagnosticDescriptor>? s_byId;

    public static DiagnosticDescriptor ById(string id)
    {
        s_byId ??= typeof(DiagnosticDescriptors).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Select(f => f.GetValue(null)).OfType<DiagnosticDescriptor>().ToDictionary(d => d.Id);
        return s_byId.TryGetValue(id, out var descriptor) ? descriptor : InternalError;
    }
}
