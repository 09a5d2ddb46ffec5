using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ClientGen.Generator.Common;
using ClientGen.Generator.Model;
using ClientGen.Generator.Naming;
using ClientGen.Generator.OpenApi.Schemas;
using NJsonSchema;
using NSwag;

namespace ClientGen.Generator.OpenApi.Operations;

/// <summary>
/// An operation's responses: the first 2xx (or a lone default) is what the method returns; every other status is a
/// documented error, typed when it has a JSON body, and an idempotency refusal when the spec says so
/// (<c>x-clientgen-idempotency</c>).
/// </summary>
internal sealed class ResponseMapper
{
    private readonly SchemaMapper _schemas;
    private readonly DiagnosticSink _diagnostics;

    public ResponseMapper(SchemaMapper schemas, DiagnosticSink diagnostics)
    {
        _schemas = schemas;
        _diagnostics = diagnostics;
    }

    public (ResponseModel Success, List<ErrorResponseModel> Errors) Map(OpenApiOperation operation, string pointer, string typeHint, string methodName)
    {
        ResponseModel? success = null;
        var errors = new List<ErrorResponseModel>();
        var errorMediaTypes = new List<string>();
        var ordered = operation.ActualResponses.OrderBy(r => StatusRank(r.Key)).ToList();
        var hasExplicitSuccess = ordered.Any(r => r.Key.StartsWith("2", StringComparison.Ordinal));
        foreach (var entry in ordered)
        {
            var response = entry.Value.ActualResponse;
            var isSuccess = entry.Key.StartsWith("2", StringComparison.Ordinal) || (!hasExplicitSuccess && entry.Key == "default");
            var responsePointer = pointer + "/responses/" + entry.Key;
            if (isSuccess)
            {
                if (success != null) continue; // Later 2xx responses share the first's shape in practice; the status is still accepted.
                success = MapSuccess(entry.Key, response, responsePointer, typeHint, methodName);
                continue;
            }
            var errorSchema = JsonContent(response, out var errorContentType);
            TypeRef? errorType = errorSchema != null ? _schemas.Map(errorSchema, typeHint + "Error" + Identifier.Pascal(entry.Key), responsePointer) : null;
            errors.Add(new ErrorResponseModel(entry.Key, errorType, SpecText.OrNull(response.Description), Refusal(response, responsePointer)));
            if (errorType != null && errorContentType != null) errorMediaTypes.Add(errorContentType);
        }
        success ??= new ResponseModel("200", ResponseKind.None, null, null, null);
        return (WithErrorMediaTypes(success, errorMediaTypes), errors);
    }

    // A documented error body the success's media types do not cover is asked for too, below them (q=0.9): a server
    // that negotiates strictly (Prism does) would otherwise answer an error with the success's type, or 406.
    private static ResponseModel WithErrorMediaTypes(ResponseModel success, List<string> errorMediaTypes)
    {
        if (success.Accept.Count == 0) return success;
        var extra = errorMediaTypes.Distinct(StringComparer.OrdinalIgnoreCase).Where(t => !success.Accept.Contains(t, StringComparer.OrdinalIgnoreCase)).ToList();
        return extra.Count == 0 ? success : success with { Accept = success.Accept.Concat(extra.Select(t => t + ";q=0.9")).ToEquatableArray() };
    }

    private const string IdempotencyExtension = "x-clientgen-idempotency";

    private IdempotencyRefusal Refusal(OpenApiResponse response, string pointer)
    {
        if (response.ExtensionData == null || !response.ExtensionData.TryGetValue(IdempotencyExtension, out var raw) || raw == null) return IdempotencyRefusal.None;
        switch (raw as string)
        {
            case "in-progress": return IdempotencyRefusal.InProgress;
            case "key-reused": return IdempotencyRefusal.KeyReused;
            default:
                _diagnostics.Warn(DiagnosticDescriptors.UnsupportedConstruct, pointer + "/" + IdempotencyExtension, $"{IdempotencyExtension}: '{raw}'", "it must be in-progress or key-reused; the status is an ordinary error");
                return IdempotencyRefusal.None;
        }
    }

    private ResponseModel MapSuccess(string status, OpenApiResponse response, string pointer, string typeHint, string methodName)
    {
        var description = SpecText.OrNull(response.Description);
        if (response.Content.Count == 0)
        {
            // Swagger 2.0 keeps the schema on the response itself.
            if (response.Schema != null) return new ResponseModel(status, ResponseKind.Json, _schemas.Map(response.Schema, typeHint + "Response", pointer + "/schema"), "application/json", description) { Accept = new[] { "application/json" }.ToEquatableArray() };
            return new ResponseModel(status, ResponseKind.None, null, null, description);
        }
        var (contentType, media) = MediaTypes.PickContent(response.Content);
        var kind = MediaTypes.KindOf(contentType, media);
        // Accept names what the client reads: the one media type it parses, or every one it hands over as bytes.
        var accept = (kind is BodyKind.Json or BodyKind.Text
            ? new[] { contentType }
            : response.Content.Where(c => MediaTypes.KindOf(c.Key, c.Value) is not (BodyKind.Json or BodyKind.Text)).Select(c => c.Key)).ToEquatableArray();
        switch (kind)
        {
            case BodyKind.Json:
                var type = media.Schema == null ? TypeRef.Of(TypeRefKind.Any) : _schemas.Map(media.Schema, typeHint + "Response", pointer + "/content/" + JsonPointer.Escape(contentType) + "/schema");
                var files = response.Content.Where(c => MediaTypes.KindOf(c.Key, c.Value) == BodyKind.Stream).Select(c => c.Key).ToEquatableArray();
                return new ResponseModel(status, ResponseKind.Json, type, contentType, description) { Accept = accept, FileAccept = files };
            case BodyKind.Text:
                return new ResponseModel(status, ResponseKind.Text, TypeRef.Of(TypeRefKind.String), contentType, description) { Accept = accept };
            default:
                return new ResponseModel(status, ResponseKind.Stream, TypeRef.Of(TypeRefKind.Stream), contentType, description) { Accept = accept };
        }
    }

    private static JsonSchema? JsonContent(OpenApiResponse response, out string? contentType)
    {
        contentType = null;
        if (response.Content.Count == 0) return response.Schema;
        var (type, media) = MediaTypes.PickContent(response.Content);
        contentType = type;
        return MediaTypes.KindOf(type, media) == BodyKind.Json ? media.Schema : null;
    }

    private static int StatusRank(string status) =>
        int.TryParse(status, NumberStyles.Integer, CultureInfo.InvariantCulture, out var code) ? code : status.Length == 3 && status.EndsWith("XX", StringComparison.OrdinalIgnoreCase) ? (status[0] - '0') * 100 + 99 : 1000;
}
