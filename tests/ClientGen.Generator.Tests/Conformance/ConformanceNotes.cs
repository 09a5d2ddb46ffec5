using System.Collections.Generic;

namespace ClientGen.Generator.Tests.Conformance;

/// <summary>Why a document's row looks the way it does, where the numbers alone would mislead. Printed in docs/conformance.md.</summary>
internal static class ConformanceNotes
{
    public static readonly IReadOnlyDictionary<string, string> ByDocument = new Dictionary<string, string>
    {
        ["openapi/kubernetes/swagger.json"] = "50 operationIds are reused across API groups; each such method is prefixed with its tag (CG1005).",
        ["openapi/digitalocean/specification/DigitalOcean-public.v2.yaml"] =
            "Every operation is `get: { $ref: resources/…yml }`, which OpenAPI does not allow (only path items take `$ref`); each is read from its file and bundled (CG1009, once), with the schemas of the other files as named types.",
        ["openapi/stripe/spec3.yaml"] = "Expandable fields (an id or the object) are `IdOr<T>`; every other union is a struct told apart by token, listed values and properties (CG1002: two mandate-data shapes with the same properties). Form bodies are typed and encoded by their `encoding` entries (deepObject: brackets); the one multipart upload is `HttpContent` (CG1003).",
        ["openapi/openai/openapi.yaml"] = "CG1001: webhooks, and schemas listed as variants of two unions (read as their base type).",
        ["openapi/azure-autorest-testserver/paging.json"] = "`x-ms-pageable` with a `nextLinkName` is followed by an items method (`IAsyncEnumerable`); without one the list is one page (CG1001).",
        ["openapi/azure-autorest-testserver/lro.json"] = "`x-ms-long-running-operation` is not polled: declare an `x-clientgen-waiters` waiter (CG1001).",
        ["graphql/linear"] = "Rejected like graphql-js rejects it: 226 fragments are never used (CG2108) and 9 selections conflict (CG2111; graphql-js reports every pair, we report the first per response name).",
        ["graphql/github"] = "A real defect: `EnterpriseOwnerInfo` defines two fields twice (CG2002). Schema only, so no client.",
        ["graphql/apollo-supergraph-demo"] = "Federation subgraphs each define `Query`; as one folder they repeat types (CG2002). Schema only.",
        ["graphql/shopify-storefront"] = "The schema is introspection JSON (Shopify publishes no SDL), read as a schema; its operations use `@inContext(country: $country)`, a directive whose variables count as used. One custom scalar has no .NET mapping (CG2203).",
    };
}
