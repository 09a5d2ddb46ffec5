using System.Collections.Generic;
using System.Linq;
using ClientGen.Generator.Model;
using ClientGen.Generator.Naming;

namespace ClientGen.Generator.Emit;

/// <summary>Emits the client interface and class: one async method per operation, calling the runtime's <c>ApiClientCore</c>.</summary>
internal static class ClientEmitter
{
    private const string P = RuntimeContract.ParameterFormatter;
    private const string Task = "global::System.Threading.Tasks.Task";

    public static void EmitInterface(SourceWriter w, ClientLookup lookup)
    {
        var model = lookup.Model;
        Text.Summary(w, $"The operations of {model.Title ?? model.Shape.ClientName}.", model.Description);
        w.Line(Emitter.GeneratedCodeAttribute);
        w.Open($"public partial interface I{model.Shape.ClientName}");
        foreach (var operation in model.Operations)
        {
            EmitDocs(w, operation, lookup);
            if (operation.IsDeprecated) w.Line("[global::System.Obsolete(\"This operation is deprecated by the API.\")]");
            w.Line($"{Signature(operation, lookup)};");
            w.Line();
        }
        WaiterEmitter.EmitInterfaceMembers(w, lookup);
        PaginationEmitter.EmitInterfaceMembers(w, lookup);
        w.Close();
    }

    public static void EmitClass(SourceWriter w, ClientLookup lookup)
    {
        var model = lookup.Model;
        var name = model.Shape.ClientName;
        Text.Summary(w, $"Client for {model.Title ?? name}{(model.Version != null ? " (version " + model.Version + ")" : string.Empty)}.", model.Description);
        w.Line(Emitter.GeneratedCodeAttribute);
        w.Open($"public partial class {name} : I{name}");
        var index = 0;
        foreach (var operation in model.Operations)
        {
            w.Line($"private static readonly {RuntimeContract.ApiOperation} s_operation{index++} = {OperationMetadata(operation, model)};");
        }
        w.Line();
        EmitConstructors(w, model.Shape.Namespace, name);
        w.Line();
        index = 0;
        foreach (var operation in model.Operations)
        {
            w.Line("/// <inheritdoc />");
            if (operation.IsDeprecated) w.Line("[global::System.Obsolete(\"This operation is deprecated by the API.\")]");
            w.Open("public async " + Signature(operation, lookup));
            EmitBody(w, operation, lookup, index++);
            w.Close();
            w.Line();
        }
        WaiterEmitter.EmitClassMembers(w, lookup);
        PaginationEmitter.EmitClassMembers(w, lookup);
        w.Close();
    }

    /// <summary>The core field, the three constructors (HttpClient, own pipeline, shared core) and the Core property every client has.</summary>
    public static void EmitConstructors(SourceWriter w, string ns, string name) => w.Line($$"""
        private readonly {{RuntimeContract.ApiClientCore}} _core;

        /// <summary>Creates a client sending requests through <paramref name="httpClient"/>.</summary>
        /// <param name="httpClient">The HTTP client; its handlers (auth, retries) apply to every call.</param>
        /// <param name="options">Environment or base address; defaults to the first declared server.</param>
        public {{name}}(global::System.Net.Http.HttpClient httpClient, global::{{ns}}.{{name}}Options? options = null)
            : this(new {{RuntimeContract.ApiClientCore}}(httpClient, options ?? new global::{{ns}}.{{name}}Options()))
        {
        }

        /// <summary>
        /// Creates a client with its own pipeline built from <paramref name="options"/>: retries, the authentication the
        /// options and the spec's security schemes call for, and transparent decompression. Create it once and reuse it.
        /// </summary>
        public {{name}}(global::{{ns}}.{{name}}Options options)
            : this(new {{RuntimeContract.ApiClientCore}}({{RuntimeContract.ApiPipeline}}.CreateHttpClient(options ?? throw new global::System.ArgumentNullException(nameof(options))), options))
        {
        }

        /// <summary>Creates a client over an existing runtime core (shared pipeline, auth and options).</summary>
        public {{name}}({{RuntimeContract.ApiClientCore}} core)
        {
            _core = core ?? throw new global::System.ArgumentNullException(nameof(core));
        }

        /// <summary>The runtime core this client sends requests through.</summary>
        public {{RuntimeContract.ApiClientCore}} Core => _core;
        """);

    private static string OperationMetadata(OperationModel operation, ClientModel model)
    {
        var init = new List<string>();
        if (operation.IdempotencyHeader != null) init.Add($"IdempotencyKeyHeader = {Text.Literal(operation.IdempotencyHeader)}");
        var security = operation.Security;
        if (security.Count > 0) init.Add($"Security = new string[] {{ {string.Join(", ", security.Select(Text.Literal))} }}");
        if (operation.Servers.Count > 0)
        {
            init.Add("Servers = new " + RuntimeContract.ApiEnvironment + "[] { " + string.Join(", ", operation.Servers.Select(s =>
                $"new({Text.Literal(s.Name)}, new global::System.Uri({Text.Literal(s.Url)}, global::System.UriKind.RelativeOrAbsolute))")) + " }");
        }
        if (operation.IsDeprecated) init.Add("IsDeprecated = true");
        var ctor = $"new({Text.Literal(operation.OperationId)}, {Text.Literal(operation.HttpMethod)}, {Text.Literal(operation.Path)})";
        return init.Count == 0 ? ctor : ctor + " { " + string.Join(", ", init) + " }";
    }

    private static string ReturnType(OperationModel operation, ClientLookup lookup) => operation.Success.Kind switch
    {
        ResponseKind.Json => $"{Task}<{lookup.Types.Name(operation.Success.Type!)}>",
        ResponseKind.Text => $"{Task}<string>",
        ResponseKind.Stream => $"{Task}<{RuntimeContract.ApiFile}>",
        _ => Task,
    };

    private static string ParameterType(TypeRef type, ClientLookup lookup) => lookup.Types.Name(type);

    private static string BodyType(BodyModel body, ClientLookup lookup)
    {
        var name = body.Kind == BodyKind.RawContent ? "global::System.Net.Http.HttpContent" : lookup.Types.NonNullName(body.Type);
        return body.IsRequired ? name : name + "?";
    }

    private static string Signature(OperationModel operation, ClientLookup lookup) =>
        $"{ReturnType(operation, lookup)} {operation.MethodName}({string.Join(", ", Parameters(operation, lookup).Select(p => p.Declaration).Append("global::System.Threading.CancellationToken cancellationToken = default"))})";

    /// <summary>The method's parameters in order (required first, the call's options last), without the cancellation token.</summary>
    public static List<(string Declaration, string Name)> Parameters(OperationModel operation, ClientLookup lookup)
    {
        var parts = new List<(string, string)>();
        foreach (var parameter in operation.Parameters.Where(p => p.IsRequired)) parts.Add(($"{ParameterType(parameter.Type, lookup)} {parameter.Name}", parameter.Name));
        if (operation.Body is { IsRequired: true } requiredBody) parts.Add(($"{BodyType(requiredBody, lookup)} {requiredBody.Name()}", requiredBody.Name()));
        if (operation.Body is { IsRequired: false } optionalBody) parts.Add(($"{BodyType(optionalBody, lookup)} {optionalBody.Name()} = null", optionalBody.Name()));
        if (operation.Body?.ContentTypeParameter is { } contentType) parts.Add(($"string? {contentType} = null", contentType));
        foreach (var parameter in operation.Parameters.Where(p => !p.IsRequired)) parts.Add(($"{ParameterType(parameter.Type.AsNullable(), lookup)} {parameter.Name} = null", parameter.Name));
        parts.Add(($"{RuntimeContract.ApiCallOptions}? {EmittedMembers.CallOptions} = null", EmittedMembers.CallOptions));
        return parts;
    }

    public static string ResponseTypeName(OperationModel operation, ClientLookup lookup) => lookup.Types.Name(operation.Success.Type!);

    private static void EmitDocs(SourceWriter w, OperationModel operation, ClientLookup lookup)
    {
        var summary = operation.Summary ?? operation.Description ?? $"{operation.HttpMethod} {operation.Path}";
        var remarks = operation.Summary != null ? operation.Description : null;
        Text.SpecDoc(w, "summary", summary);
        Text.SpecDoc(w, "remarks", (remarks != null ? remarks + "\n\n" : string.Empty) + $"{operation.HttpMethod} {operation.Path} (operationId {operation.OperationId})");
        ParamDocs(w, operation, requiredOnly: false);
        w.Line("/// <param name=\"cancellationToken\">Cancels the request.</param>");
        if (operation.Success.Kind != ResponseKind.None)
        {
            Text.SpecDoc(w, "returns", operation.Success.Description ?? "The response body.");
        }
        w.Line("/// <exception cref=\"" + RuntimeContract.ApiException + "\">The server answered with a status the operation does not treat as success, or a body that could not be read.</exception>");
    }

    /// <summary>The <c>&lt;param&gt;</c> tags of an operation's parameters, in signature order.</summary>
    public static void ParamDocs(SourceWriter w, OperationModel operation, bool requiredOnly)
    {
        foreach (var parameter in operation.Parameters.Where(p => p.IsRequired))
        {
            ParamDoc(w, parameter);
        }
        if (requiredOnly) return;
        if (operation.Body is { } body)
        {
            Text.SpecDoc(w, "param", body.Description ?? $"The request body ({body.ContentType}).", $" name=\"{body.Name().TrimStart('@')}\"");
            if (body.ContentTypeParameter is { } contentType) w.Line($"/// <param name=\"{contentType}\">The body's media type (<c>{Text.Xml(body.ContentType)}</c> when null).</param>");
        }
        foreach (var parameter in operation.Parameters.Where(p => !p.IsRequired))
        {
            ParamDoc(w, parameter);
        }
        w.Line($"/// <param name=\"{EmittedMembers.CallOptions}\">Headers, timeout, idempotency key, track id or entity for this call only.</param>");
    }

    private static void ParamDoc(SourceWriter w, ParameterModel parameter)
    {
        var text = parameter.Description is { } description ? Text.Xml(description) : $"The {parameter.Location.ToString().ToLowerInvariant()} parameter <c>{Text.Xml(parameter.WireName)}</c>.";
        Text.DocTag(w, "param", text, $" name=\"{parameter.Name.TrimStart('@')}\"");
    }

    private static void EmitBody(SourceWriter w, OperationModel operation, ClientLookup lookup, int index)
    {
        var types = lookup.Types;
        foreach (var parameter in operation.Parameters)
        {
            if (parameter.IsRequired && !parameter.Type.IsValueType && !parameter.Type.IsNullable)
            {
                w.Line($"global::System.ArgumentNullException.ThrowIfNull({parameter.Name});");
            }
            if (parameter.MinLength != null || parameter.MaxLength != null || parameter.Pattern != null)
            {
                if (parameter.Type.Kind == TypeRefKind.String)
                {
                    w.Line($"{P}.Validate({Text.Literal(parameter.WireName)}, {parameter.Name}, {Int(parameter.MinLength)}, {Int(parameter.MaxLength)}, {(parameter.Pattern == null ? "null" : Text.Literal(parameter.Pattern))});");
                }
            }
        }
        foreach (var rule in operation.CallOptionRules)
        {
            w.Line($"{P}.Validate({Text.Literal(rule.WireName)}, {EmittedMembers.CallOptions}?.{rule.Option}, {Int(rule.MinLength)}, {Int(rule.MaxLength)}, {(rule.Pattern == null ? "null" : Text.Literal(rule.Pattern))});");
        }
        if (operation.Body is { IsRequired: true } requiredBody && !requiredBody.Type.IsValueType)
        {
            w.Line($"global::System.ArgumentNullException.ThrowIfNull({requiredBody.Name()});");
        }

        w.Line($"var __request = new {RuntimeContract.ApiRequest}(s_operation{index}, {PathExpression(operation, types)});");
        foreach (var parameter in operation.Parameters.Where(p => p.Location != ParameterLocation.Path))
        {
            var add = parameter.Location switch
            {
                ParameterLocation.Query => "AddQuery",
                ParameterLocation.Header => "AddHeader",
                _ => "AddCookie",
            };
            var isArray = parameter.Type.Kind == TypeRefKind.Array;
            var style = $"{Text.Literal(RuntimeContract.StyleName(parameter.Style))}, {(parameter.Explode ? "true" : "false")}";
            string Call(string v) => isArray
                ? $"__request.{add}Values({Text.Literal(parameter.WireName)}, global::System.Linq.Enumerable.Select({v}, static x => {Formatted(parameter.Type.Element!, "x")}), {style});"
                : parameter.Type.Kind == TypeRefKind.Map
                    ? $"__request.{add}Map({Text.Literal(parameter.WireName)}, {v}, {style});"
                    // A union's value may be any shape: the runtime spreads it by the JSON it writes.
                    : parameter.Type.Kind == TypeRefKind.Named && parameter.Type.NamedKind is NamedKind.Object or NamedKind.Union
                        // An object's properties are the pairs its style spreads (deepObject, exploded form); a cookie carries its JSON.
                        ? parameter.Location == ParameterLocation.Cookie
                            ? $"__request.{add}({Text.Literal(parameter.WireName)}, {RuntimeContract.JsonRuntime}.ToJsonString({v}, {types.NonNullName(parameter.Type)}.{EmittedMembers.WriteJson}));"
                            : $"__request.{add}Object({Text.Literal(parameter.WireName)}, {RuntimeContract.JsonRuntime}.ToJsonString({v}, {types.NonNullName(parameter.Type)}.{EmittedMembers.WriteJson}), {style});"
                        : $"__request.{add}({Text.Literal(parameter.WireName)}, {Formatted(parameter.Type, v)});";
            if (parameter.Type.IsNullable)
            {
                var local = "v_" + parameter.Name.TrimStart('@');
                w.Line($"if ({parameter.Name} is {{ }} {local}) {Call(local)}");
            }
            else
            {
                w.Line(Call(parameter.Name));
            }
        }

        if (operation.Body is { } body)
        {
            var name = body.Name();
            var prefix = body.IsRequired ? string.Empty : $"if ({name} is not null) ";
            var contentType = Text.Literal(body.ContentType);
            switch (body.Kind)
            {
                case BodyKind.Json:
                    var bodyType = body.Type.AsNullable(false);
                    // An optional value-type body is a Nullable<T>; unwrap it so SetJson<T> infers T.
                    var (guard, value) = body.IsRequired ? (string.Empty, name) : ($"if ({name} is {{ }} __body) ", "__body");
                    w.Line($"{guard}__request.SetJson({value}, static (global::System.Text.Json.Utf8JsonWriter w, {types.Name(bodyType)} v) => {{ {types.Write(bodyType, "w", "v")} }}, {contentType});");
                    break;
                case BodyKind.FormUrlEncoded:
                    var fields = body.FormFields.Count == 0 ? string.Empty : ", " + FormFieldsArray(body);
                    w.Line($"{prefix}__request.SetForm({name}, {types.NonNullName(body.Type)}.{EmittedMembers.WriteJson}{fields});");
                    break;
                case BodyKind.Multipart:
                    EmitMultipart(w, body, lookup);
                    break;
                case BodyKind.Text:
                    w.Line($"{prefix}__request.SetText({name}, {contentType});");
                    break;
                case BodyKind.Stream:
                    w.Line($"{prefix}__request.SetStream({name}, {(body.ContentTypeParameter is { } chosen ? $"{chosen} ?? {contentType}" : contentType)});");
                    break;
                default:
                    w.Line($"{prefix}__request.Content = {name};");
                    break;
            }
        }

        if (operation.Success.Accept.Count > 0) w.Line($"__request.AddHeader(\"Accept\", {Text.Literal(string.Join(", ", operation.Success.Accept))});");
        w.Line($"__request.CallOptions = {EmittedMembers.CallOptions};");

        var success = operation.Success;
        if (success.Kind == ResponseKind.Stream)
        {
            w.Line("var __response = await _core.SendAsync(__request, cancellationToken).ConfigureAwait(false);");
            w.Line("if (__response.IsSuccessStatusCode) return __response.DetachFile();");
            w.Line("using var __failed = __response;");
            EmitErrors(w, operation, lookup, "__failed");
            return;
        }
        w.Line("using var __response = await _core.SendAsync(__request, cancellationToken).ConfigureAwait(false);");
        switch (success.Kind)
        {
            case ResponseKind.Json:
                w.Line($"if (__response.IsSuccessStatusCode) return await __response.ReadJsonAsync({JsonReader(success.Type!, types)}, cancellationToken).ConfigureAwait(false);");
                break;
            case ResponseKind.Text:
                w.Line("if (__response.IsSuccessStatusCode) return await __response.ReadTextAsync(cancellationToken).ConfigureAwait(false);");
                break;
            default:
                w.Line("if (__response.IsSuccessStatusCode) return;");
                break;
        }
        EmitErrors(w, operation, lookup, "__response");
    }

    /// <summary>A multipart body part by part, from the record's properties: files streamed, other values by the JSON they write.</summary>
    private static void EmitMultipart(SourceWriter w, BodyModel body, ModelLookup lookup)
    {
        var types = lookup.Types;
        var name = body.Name();
        var fields = body.FormFields.Count == 0 ? string.Empty : FormFieldsArray(body);
        w.Open(body.IsRequired ? string.Empty : $"if ({name} is not null)");
        w.Line($"var __parts = new {RuntimeContract.MultipartBody}({fields});");
        foreach (var property in lookup.Find(body.Type.Name)?.AllProperties ?? EquatableArray<PropertyModel>.Empty)
        {
            var type = property.Type.AsNullable(false);
            var wire = Text.Literal(property.JsonName);
            var local = "p_" + property.Name.TrimStart('@');
            var add = type.Kind switch
            {
                TypeRefKind.File => $"__parts.AddFile({wire}, {local});",
                TypeRefKind.Array when type.Element!.Kind == TypeRefKind.File => $"__parts.AddFiles({wire}, global::System.Linq.Enumerable.OfType<{RuntimeContract.FilePart}>({local}));",
                _ => $"__parts.AddValue({wire}, {RuntimeContract.JsonRuntime}.ToJsonString({local}, {types.WriteLambda(type, 0)}));",
            };
            w.Line($"if ({name}.{property.Name} is {{ }} {local}) {add}");
        }
        w.Line("__request.SetMultipart(__parts);");
        w.Close();
    }

    /// <summary>The body's <c>encoding</c> entries as the runtime's <c>FormField[]</c>.</summary>
    private static string FormFieldsArray(BodyModel body) =>
        "new " + RuntimeContract.FormField + "[] { " + string.Join(", ", body.FormFields.Select(f => $"new({Text.Literal(f.Name)}, {Text.Literal(f.Style)}, {(f.Explode ? "true" : "false")}, {(f.IsJson ? "true" : "false")})")) + " }";

    /// <summary>The reader a JSON response is read with: a record's own, else a lambda over the type.</summary>
    public static string JsonReader(TypeRef type, CSharpTypes types) =>
        type.Kind == TypeRefKind.Named && !type.IsNullable ? $"{types.NonNullName(type)}.{EmittedMembers.ReadJson}" : types.ReadLambda(type, 0);

    /// <summary>Throws the operation's typed error for a failed response (its documented statuses, else the raw one).</summary>
    public static void EmitErrors(SourceWriter w, OperationModel operation, ClientLookup lookup, string response)
    {
        // Statuses documented with the same body type (and the same declared meaning) share one case.
        var typed = operation.Errors.Where(e => (e.Type != null || e.Refusal != IdempotencyRefusal.None) && int.TryParse(e.StatusCode, out _)).GroupBy(e => (e.Type, e.Refusal)).ToList();
        if (typed.Count > 0)
        {
            w.Open($"switch ({response}.StatusCode)");
            foreach (var group in typed)
            {
                var (type, refusal) = group.Key;
                var read = type != null ? lookup.Types.ReadLambda(type, 0) + ", " : string.Empty;
                var create = refusal == IdempotencyRefusal.None
                    ? $"CreateExceptionAsync({read}cancellationToken)"
                    : $"CreateIdempotencyExceptionAsync({read}inProgress: {(refusal == IdempotencyRefusal.InProgress ? "true" : "false")}, cancellationToken)";
                w.Line(string.Join(" ", group.Select(e => $"case {e.StatusCode}:")) + $" throw await {response}.{create}.ConfigureAwait(false);");
            }
            w.Close();
        }
        var fallback = operation.Errors.FirstOrDefault(e => e.StatusCode == "default" && e.Type != null);
        w.Line(fallback != null
            ? $"throw await {response}.CreateExceptionAsync({lookup.Types.ReadLambda(fallback.Type!, 0)}, cancellationToken).ConfigureAwait(false);"
            : $"throw await {response}.CreateExceptionAsync(cancellationToken).ConfigureAwait(false);");
    }

    /// <summary>The request path: literal segments as written, parameters formatted and escaped.</summary>
    private static string PathExpression(OperationModel operation, CSharpTypes types)
    {
        var parts = new List<string>();
        var path = operation.Path;
        var position = 0;
        while (position < path.Length)
        {
            var open = path.IndexOf('{', position);
            if (open < 0)
            {
                parts.Add(Text.Literal(path.Substring(position)));
                break;
            }
            if (open > position) parts.Add(Text.Literal(path.Substring(position, open - position)));
            var close = path.IndexOf('}', open);
            if (close < 0)
            {
                parts.Add(Text.Literal(path.Substring(open)));
                break;
            }
            var wireName = path.Substring(open + 1, close - open - 1);
            var parameter = operation.Parameters.FirstOrDefault(p => p.Location == ParameterLocation.Path && p.WireName == wireName);
            if (parameter == null)
            {
                parts.Add(Text.Literal(path.Substring(open, close - open + 1)));
            }
            else
            {
                parts.Add(PathValue(parameter, types));
            }
            position = close + 1;
        }
        return parts.Count == 0 ? "\"\"" : string.Join(" + ", parts);
    }

    /// <summary>A path parameter's text: a plain value escaped as it always was, every other shape and style through the runtime's style serializer.</summary>
    private static string PathValue(ParameterModel parameter, CSharpTypes types)
    {
        var name = Text.Literal(parameter.WireName);
        var style = $"{Text.Literal(RuntimeContract.StyleName(parameter.Style))}, {(parameter.Explode ? "true" : "false")}";
        var value = parameter.Name;
        return parameter.Type.Kind switch
        {
            TypeRefKind.Array => $"{P}.FormatPath({name}, global::System.Linq.Enumerable.Select({value}, static x => {Formatted(parameter.Type.Element!, "x")}), {style})",
            TypeRefKind.Map => $"{P}.FormatPathMap({name}, {value}, {style})",
            TypeRefKind.Named when parameter.Type.NamedKind is NamedKind.Object or NamedKind.Union => $"{P}.FormatPathObject({name}, {RuntimeContract.JsonRuntime}.ToJsonString({value}, {types.NonNullName(parameter.Type)}.{EmittedMembers.WriteJson}), {style})",
            _ when parameter.Style == ParameterStyle.Simple => $"{P}.EscapePath({Formatted(parameter.Type, value)})",
            _ => $"{P}.FormatPath({name}, {Formatted(parameter.Type, value)}, {style})",
        };
    }

    // A format the overloads cannot tell from its C# type (base64url bytes, an RFC 7231 or Unix date, an ISO duration)
    // is spelled by its wire encoding, as its JSON is.
    private static string Formatted(TypeRef type, string value) => type.Kind switch
    {
        TypeRefKind.Base64Url => $"{RuntimeContract.WireEncodings}.FormatBase64Url({value})",
        TypeRefKind.Duration => $"{RuntimeContract.WireEncodings}.FormatDuration({value})",
        TypeRefKind.HttpDate => $"{RuntimeContract.WireEncodings}.FormatHttpDate({value})",
        TypeRefKind.UnixTime => $"{RuntimeContract.WireEncodings}.FormatUnixTime({value})",
        _ => $"{P}.Format({value})",
    };

    private static string Int(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null";

    private static string Name(this BodyModel body) => body.ParameterName;
}
