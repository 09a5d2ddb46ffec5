using System.Collections.Generic;
using System.Linq;

namespace ClientGen.Spector.Tests.Scenarios;

/// <summary>
/// The Spector scenarios that no OpenAPI 3.0 document can describe, with what stops them: those @typespec/openapi3
/// refuses (its message), and those it emits without what the scenario tests (a path expansion, a next link or merge-patch
/// semantics, which OpenAPI 3.0 has no words for). They are not run, and conformance.md lists them apart from failures.
/// </summary>
public static class NotExpressible
{
    private const string QueryInPath = "`@typespec/openapi3`: \"OpenAPI does not allow paths containing a query string.\" (the route has a literal `?fixed=true`)";
    private const string PathExpansion = "OpenAPI 3.0 has no `{/param}` path expansion: the emitter writes `{param}`, losing the `/` the scenario expects";
    private const string NextLink = "OpenAPI 3.0 cannot say that a response property is the next page's URL: the emitted document has `next` as an ordinary property (openapi3 1.9 emits no paging extension), so no client generated from it pages. ClientGen follows links where the spec declares them (`x-ms-pageable`, `x-clientgen-pagination`); the continuation-token scenarios, one request each, pass";
    private const string MergePatch = "OpenAPI 3.0 has no JSON Merge Patch semantics: a patch (RFC 7396) sends `null` to remove and partial nested objects, which a schema must spell out, and openapi3 1.9 emits only the top-level patch model (nothing nullable; the map's values the unpatched `InnerModel`, which requires the `name` the scenario omits). A client typed from the document cannot send this body";
    private const string ReservedExpansion = "OpenAPI 3.0 has no `{+param}` reserved expansion for a path (`allowReserved` is for queries): the emitter writes `{param}`, so `/` is escaped";

    public static IReadOnlyDictionary<string, string> Reasons { get; } = new Dictionary<string, string>
    {
        ["Routes_QueryParameters_QueryContinuation_Standard_primitive"] = QueryInPath,
        ["Routes_QueryParameters_QueryContinuation_Standard_array"] = QueryInPath,
        ["Routes_QueryParameters_QueryContinuation_Standard_record"] = QueryInPath,
        ["Routes_QueryParameters_QueryContinuation_Explode_primitive"] = QueryInPath,
        ["Routes_QueryParameters_QueryContinuation_Explode_array"] = QueryInPath,
        ["Routes_QueryParameters_QueryContinuation_Explode_record"] = QueryInPath,
        ["Routes_PathParameters_PathExpansion_Standard_primitive"] = PathExpansion,
        ["Routes_PathParameters_PathExpansion_Standard_array"] = PathExpansion,
        ["Routes_PathParameters_PathExpansion_Standard_record"] = PathExpansion,
        ["Routes_PathParameters_PathExpansion_Explode_primitive"] = PathExpansion,
        ["Routes_PathParameters_PathExpansion_Explode_array"] = PathExpansion,
        ["Routes_PathParameters_PathExpansion_Explode_record"] = PathExpansion,
        ["Parameters_Path_optional"] = PathExpansion + " (an optional `{/name}`)",
        ["Routes_PathParameters_ReservedExpansion_template"] = ReservedExpansion,
        ["Routes_PathParameters_ReservedExpansion_annotation"] = ReservedExpansion,
        ["Payload_Pageable_ServerDrivenPagination_link"] = NextLink,
        ["Payload_Pageable_ServerDrivenPagination_linkString"] = NextLink,
        ["Payload_Pageable_ServerDrivenPagination_nestedLink"] = NextLink,
        ["Payload_Pageable_XmlPagination_listWithNextLink"] = NextLink,
        ["Payload_JsonMergePatch_updateResource"] = MergePatch,
        ["Payload_JsonMergePatch_updateOptionalResource"] = MergePatch,
        ["Response_StatusCodeRange_errorResponseStatusCodeInRange"] = "`@typespec/openapi3`: \"Status code range '494 to '499' is not supported. OpenAPI 3.0 can only represent range 1XX, 2XX, 3XX, 4XX and 5XX.\"",
        ["Response_StatusCodeRange_errorResponseStatusCode404"] = "`@typespec/openapi3` refuses the `response/status-code-range` folder (a 494–499 range), so none of its operations is emitted",
        ["Streaming_Jsonl_Basic_send"] = "`@typespec/openapi3` 1.9 cannot compile `streaming/jsonl`: \"Couldn't resolve import \\\"@typespec/streams\\\"\" (the streams library is not among the pinned packages that resolve together)",
        ["Streaming_Jsonl_Basic_receive"] = "`@typespec/openapi3` 1.9 cannot compile `streaming/jsonl`: \"Couldn't resolve import \\\"@typespec/streams\\\"\"",
    };

    public static bool Contains(string name) => Reasons.ContainsKey(name);
}
