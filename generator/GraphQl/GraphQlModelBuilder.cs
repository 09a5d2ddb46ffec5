using System;
using System.Collections.Generic;
using System.Linq;
using ClientGen.Generator.Common;
using ClientGen.Generator.Model;
using ClientGen.Generator.Naming;
using GraphQLParser.AST;

namespace ClientGen.Generator.GraphQl;

/// <summary>
/// Turns validated operations into the client model: a result record per selection set (fields named by
/// response name, fragments merged in), enums, input types for variables, and the scalar mapping.
/// Fields that only some possible types have (type-conditioned fragments) become optional properties.
/// </summary>
internal sealed class GraphQlModelBuilder
{
    private static readonly Dictionary<string, TypeRefKind> s_scalars = new(StringComparer.Ordinal)
    {
        ["String"] = TypeRefKind.String, ["ID"] = TypeRefKind.String, ["Int"] = TypeRefKind.Int32, ["Float"] = TypeRefKind.Double, ["Boolean"] = TypeRefKind.Boolean,
        ["DateTime"] = TypeRefKind.DateTimeOffset, ["Date"] = TypeRefKind.Date, ["UUID"] = TypeRefKind.Guid, ["Uuid"] = TypeRefKind.Guid,
        ["URI"] = TypeRefKind.Uri, ["URL"] = TypeRefKind.Uri, ["Url"] = TypeRefKind.Uri, ["Long"] = TypeRefKind.Int64, ["BigInt"] = TypeRefKind.Int64,
        ["JSON"] = TypeRefKind.Any, ["JSONObject"] = TypeRefKind.Any, ["Json"] = TypeRefKind.Any, ["JSONString"] = TypeRefKind.Any,
    };

    private readonly GqlSchema _schema;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly NameScope _typeNames;
    private readonly List<TypeModel> _types = new();
    private readonly Dictionary<string, string> _namedTypes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _warnedScalars = new(StringComparer.Ordinal);
    private readonly GraphQlDocumentSet _documents;
    private readonly Dictionary<string, List<PropertyModel>> _pendingBase = new(StringComparer.Ordinal);

    public GraphQlModelBuilder(GqlSchema schema, GraphQlDocumentSet documents, List<DiagnosticInfo> diagnostics, string clientName)
    {
        _schema = schema;
        _documents = documents;
        _diagnostics = diagnostics;
        _typeNames = new NameScope(CompanionTypes.ReservedTypeNames(clientName));
    }

    public GraphQlClientModel Build(GraphQlWorkItem item, string ns, string clientName)
    {
        var writer = new OperationDocumentWriter(_schema, _documents);
        var methods = new NameScope(EmittedMembers.OfClient(clientName));
        var operations = new List<GraphQlOperationModel>();
        foreach (var entry in _documents.Operations)
        {
            var (operation, source) = (entry.Definition, entry.Source);
            if (operation.Operation == OperationType.Subscription)
            {
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedConstruct, source.At(operation), "A GraphQL subscription", "it is validated but no method is generated"));
                continue;
            }
            // An anonymous operation (one per file) is named after its file, so it can be sent with an operationName.
            var wireName = operation.Name?.StringValue ?? Identifier.Sanitize(ClientNaming.FileStem(source.File.Path));
            var baseName = Identifier.Pascal(wireName, "Operation");
            var method = methods.Claim(baseName + "Async");
            var root = operation.Operation == OperationType.Mutation ? _schema.Find(_schema.Mutation) : _schema.Find(_schema.Query);
            if (root == null) continue;
            var resultType = BuildRecord(_typeNames.Claim(baseName + "Result"), root, new[] { (operation.SelectionSet, source, false) });
            operations.Add(new GraphQlOperationModel(
                method,
                operation.Name?.StringValue ?? wireName,
                operation.Operation.ToString().ToLowerInvariant(),
                writer.Text(entry, operation.Name is null ? wireName : null),
                Variables(operation).ToEquatableArray(),
                resultType));
        }
        var serverNames = new NameScope(EmittedMembers.OfEnvironments(clientName));
        var servers = _schema.Servers.Select(x => new ServerModel(serverNames.Claim(Identifier.Pascal(x.Name, "Server")), x.Url, null, x.TokenUrl)).ToEquatableArray();
        var headerNames = new NameScope(EmittedMembers.OfOptions(clientName));
        var headers = _schema.Headers.Select(h => new HeaderModel(h.Name, headerNames.Claim(Identifier.Pascal(h.Name, "Header")), h.Description)).ToEquatableArray();
        var shape = new ClientShape
        {
            Namespace = ns,
            ClientName = clientName,
            OptionsDoc = $"Options for <see cref=\"{clientName}\"/>: an environment (region) or <c>BaseAddress</c> (the GraphQL endpoint), credentials and headers.",
            EnvironmentsDoc = "The GraphQL endpoints (regions) the schema declares.",
            Servers = servers,
            Headers = headers,
            SecuritySchemes = SecuritySchemes(servers),
        };
        var waiters = GraphQlWaiterReader.Read(_schema, operations, _types, methods, _diagnostics);
        return new GraphQlClientModel(shape, item.Folder, operations.ToEquatableArray(), _types.ToEquatableArray(), waiters.ToEquatableArray());
    }

    /// <summary>
    /// OAuth 2.0 client credentials when a server declares a token URL. Each region has its own token host, and a
    /// custom base address (a simulator) serves the token path itself, so the token URL follows the API host.
    /// </summary>
    private static EquatableArray<SecuritySchemeModel> SecuritySchemes(EquatableArray<ServerModel> servers) =>
        servers.FirstOrDefault(s => s.TokenUrl != null) is { } oauth
            ? new[] { new SecuritySchemeModel("oauth2", SecuritySchemeKind.OAuth2ClientCredentials, null, oauth.TokenUrl, true) }.ToEquatableArray()
            : EquatableArray<SecuritySchemeModel>.Empty;

    private IEnumerable<GraphQlVariableModel> Variables(GraphQLOperationDefinition operation)
    {
        if (operation.Variables == null) yield break;
        var names = new NameScope(EmittedMembers.OfParameters());
        foreach (var variable in operation.Variables.Items)
        {
            var type = SchemaBuilder.TypeOf(variable.Type);
            var required = type.NonNull && variable.DefaultValue == null;
            var mapped = MapInput(type);
            yield return new GraphQlVariableModel(names.Claim(Identifier.Camel(variable.Variable.Name.StringValue)), variable.Variable.Name.StringValue, required ? mapped : mapped.AsNullable(), required);
        }
    }

    /// <summary>
    /// Declares the record for one or more merged selection sets on <paramref name="parent"/>; returns its name.
    /// On an interface or union, fields selected under a concrete type condition go to a derived record per
    /// type, read by <c>__typename</c> (which the document then always selects).
    /// </summary>
    private string BuildRecord(string name, GqlType parent, IEnumerable<(GraphQLSelectionSet Set, GraphQlSource Source, bool Conditional)> sets, string? baseType = null, string? discriminatorValue = null)
    {
        var setList = sets.ToList();
        var fields = new List<(string ResponseName, GqlField? Field, List<(GraphQLSelectionSet Set, GraphQlSource Source, bool Conditional)> Children, bool Conditional)>();
        var byType = new Dictionary<string, List<(GraphQLSelectionSet, GraphQlSource, bool)>>(StringComparer.Ordinal);
        var abstractParent = baseType == null && parent.Kind is GqlKind.Interface or GqlKind.Union;
        foreach (var (set, source, conditional) in setList)
        {
            Collect(parent, set, source, conditional, fields, new HashSet<string>(), abstractParent ? byType : null);
        }

        var properties = Properties(name, fields, parent);
        if (abstractParent && byType.Count > 0)
        {
            if (!properties.Any(p => p.JsonName == "__typename"))
            {
                properties.Insert(0, new PropertyModel { JsonName = "__typename", Name = "Typename", Type = TypeRef.Of(TypeRefKind.String).AsNullable(), IsRequired = false, Description = "The concrete type of this value." });
            }
            var cases = new List<DiscriminatorCase>();
            foreach (var entry in byType)
            {
                var concrete = _schema.Find(entry.Key)!;
                var derived = BuildRecord(_typeNames.Claim(name + Identifier.Pascal(entry.Key)), concrete, entry.Value, name, entry.Key);
                cases.Add(new DiscriminatorCase(entry.Key, derived));
            }
            _types.Add(new TypeModel { Name = name, Kind = TypeModelKind.Object, Description = $"The {parent.Name} fields this operation selects; a derived record per concrete type adds its own.", Properties = properties.ToEquatableArray(), AllProperties = properties.ToEquatableArray(), Discriminator = new DiscriminatorModel("__typename", cases.ToEquatableArray()) });
            return name;
        }

        if (baseType != null)
        {
            // The base record is added after its derived records are built, so its properties come from the pending list.
            var baseProperties = _pendingBase[baseType];
            var own = properties.Where(p => baseProperties.All(b => b.JsonName != p.JsonName)).ToList();
            _types.Add(new TypeModel { Name = name, Kind = TypeModelKind.Object, Description = $"The {parent.Name} fields this operation selects.", BaseType = baseType, Properties = own.ToEquatableArray(), AllProperties = baseProperties.Concat(own).ToEquatableArray(), DiscriminatorValue = discriminatorValue });
            return name;
        }

        _types.Add(new TypeModel { Name = name, Kind = TypeModelKind.Object, Description = $"The {parent.Name} fields this operation selects.", Properties = properties.ToEquatableArray(), AllProperties = properties.ToEquatableArray() });
        return name;
    }

    private List<PropertyModel> Properties(string name, List<(string ResponseName, GqlField? Field, List<(GraphQLSelectionSet Set, GraphQlSource Source, bool Conditional)> Children, bool Conditional)> fields, GqlType parent)
    {
        var members = new NameScope(EmittedMembers.OfRecord(name));
        var properties = new List<PropertyModel>();
        foreach (var entry in fields)
        {
            TypeRef type;
            if (entry.Field == null)
            {
                type = TypeRef.Of(TypeRefKind.String); // __typename
            }
            else
            {
                var propertyName = Identifier.Pascal(entry.ResponseName);
                type = entry.Field.MappedType is { } mapped && _schema.Find(entry.Field.Type.NamedType)?.Kind == GqlKind.Scalar
                    ? WrapLike(entry.Field.Type, TypeRef.NamedType(DeclareMapped(mapped), NamedKind.Object))
                    : MapOutput(entry.Field.Type, () =>
                    {
                        var child = _schema.Find(entry.Field.Type.NamedType)!;
                        return BuildRecord(_typeNames.Claim(name.Replace("Result", string.Empty) + propertyName), child, entry.Children);
                    });
            }
            var nullable = entry.Conditional || (entry.Field != null && !entry.Field.Type.NonNull);
            properties.Add(new PropertyModel { JsonName = entry.ResponseName, Name = members.Claim(Identifier.Pascal(entry.ResponseName, "Value")), Type = nullable ? type.AsNullable() : type, IsRequired = !nullable });
        }
        _pendingBase[name] = properties;
        return properties;
    }

    private void Collect(GqlType parent, GraphQLSelectionSet set, GraphQlSource source, bool conditional,
        List<(string ResponseName, GqlField? Field, List<(GraphQLSelectionSet, GraphQlSource, bool)> Children, bool Conditional)> into, HashSet<string> visited,
        Dictionary<string, List<(GraphQLSelectionSet, GraphQlSource, bool)>>? byType = null)
    {
        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case GraphQLField node:
                    var responseName = node.Alias?.Name.StringValue ?? node.Name.StringValue;
                    var fieldName = node.Name.StringValue;
                    // @include/@skip make a field optional whatever its type says.
                    var isConditional = conditional || (node.Directives?.Items.Any(d => d.Name.StringValue is "include" or "skip") ?? false);
                    var existing = into.FindIndex(f => f.ResponseName == responseName);
                    GqlField? field = fieldName == "__typename" ? null : (parent.Fields.TryGetValue(fieldName, out var f) ? f : null);
                    if (fieldName != "__typename" && field == null) break; // introspection fields
                    if (existing < 0)
                    {
                        into.Add((responseName, field, new List<(GraphQLSelectionSet, GraphQlSource, bool)>(), isConditional));
                        existing = into.Count - 1;
                    }
                    else if (!isConditional && into[existing].Conditional)
                    {
                        into[existing] = (into[existing].ResponseName, into[existing].Field, into[existing].Children, false);
                    }
                    if (node.SelectionSet != null) into[existing].Children.Add((node.SelectionSet, source, false));
                    break;
                case GraphQLInlineFragment inline:
                    var inlineType = inline.TypeCondition == null ? parent : _schema.Find(inline.TypeCondition.Type.Name.StringValue) ?? parent;
                    if (byType != null && inlineType.Kind == GqlKind.Object && inlineType.Name != parent.Name)
                    {
                        Route(byType, inlineType.Name, (inline.SelectionSet, source, false));
                        break;
                    }
                    Collect(inlineType, inline.SelectionSet, source, conditional || inlineType.Name != parent.Name, into, visited, byType);
                    break;
                case GraphQLFragmentSpread spread:
                    var name = spread.FragmentName.Name.StringValue;
                    if (!visited.Add(name) || !_documents.TryGetFragment(name, out var fragment)) break;
                    var fragmentType = _schema.Find(fragment.Definition.TypeCondition.Type.Name.StringValue) ?? parent;
                    if (byType != null && fragmentType.Kind == GqlKind.Object && fragmentType.Name != parent.Name)
                    {
                        Route(byType, fragmentType.Name, (fragment.Definition.SelectionSet, fragment.Source, false));
                        break;
                    }
                    Collect(fragmentType, fragment.Definition.SelectionSet, fragment.Source, conditional || fragmentType.Name != parent.Name, into, visited, byType);
                    break;
            }
        }
    }

    private static void Route(Dictionary<string, List<(GraphQLSelectionSet, GraphQlSource, bool)>> byType, string type, (GraphQLSelectionSet, GraphQlSource, bool) set)
    {
        if (!byType.TryGetValue(type, out var list)) byType[type] = list = new List<(GraphQLSelectionSet, GraphQlSource, bool)>();
        list.Add(set);
    }

    private static TypeRef WrapLike(GqlTypeRef type, TypeRef inner) =>
        type.IsList ? TypeRef.ArrayOf(type.OfType!.NonNull ? WrapLike(type.OfType!, inner) : WrapLike(type.OfType!, inner).AsNullable()) : inner;

    /// <summary>
    /// The record a JSON scalar is read as: every field of the named SDL type, all optional (the JSON is not
    /// checked by the server's type system), accepting the value as an object or as an encoded string.
    /// </summary>
    private string DeclareMapped(string typeName)
    {
        if (_namedTypes.TryGetValue("json:" + typeName, out var existing)) return existing;
        var type = _schema.Find(typeName);
        var name = _typeNames.Claim(Identifier.Pascal(typeName, "Json"));
        _namedTypes["json:" + typeName] = name;
        var members = new NameScope(EmittedMembers.OfRecord(name));
        var properties = new List<PropertyModel>();
        foreach (var field in type?.Fields.Values ?? Enumerable.Empty<GqlField>())
        {
            var mapped = field.MappedType != null ? TypeRef.NamedType(DeclareMapped(field.MappedType), NamedKind.Object) : MapOutput(field.Type, () => DeclareMapped(field.Type.NamedType));
            properties.Add(new PropertyModel { JsonName = field.Name, Name = members.Claim(Identifier.Pascal(field.Name, "Value")), Type = mapped.AsNullable(), IsRequired = false });
        }
        _types.Add(new TypeModel { Name = name, Kind = TypeModelKind.Object, Description = $"The JSON value typed as {typeName}.", Properties = properties.ToEquatableArray(), AllProperties = properties.ToEquatableArray(), AcceptsEncodedJson = true });
        return name;
    }

    private TypeRef MapOutput(GqlTypeRef type, Func<string> buildComposite)
    {
        if (type.IsList)
        {
            var item = MapOutput(type.OfType!, buildComposite);
            return TypeRef.ArrayOf(type.OfType!.NonNull ? item : item.AsNullable());
        }
        var named = _schema.Find(type.Name)!;
        return named.Kind switch
        {
            GqlKind.Enum => TypeRef.NamedType(DeclareEnum(named), NamedKind.Enum),
            GqlKind.Scalar => Scalar(named.Name),
            _ => TypeRef.NamedType(buildComposite(), NamedKind.Object),
        };
    }

    private TypeRef MapInput(GqlTypeRef type)
    {
        if (type.IsList)
        {
            var item = MapInput(type.OfType!);
            return TypeRef.ArrayOf(type.OfType!.NonNull ? item : item.AsNullable());
        }
        var named = _schema.Find(type.Name);
        return named?.Kind switch
        {
            GqlKind.Enum => TypeRef.NamedType(DeclareEnum(named), NamedKind.Enum),
            GqlKind.InputObject => TypeRef.NamedType(DeclareInput(named), NamedKind.Object),
            _ => Scalar(type.Name!),
        };
    }

    private TypeRef Scalar(string name)
    {
        if (s_scalars.TryGetValue(name, out var kind)) return TypeRef.Of(kind);
        if (_warnedScalars.Add(name))
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GraphQlUnmappedScalar, ScalarLocation(name), name));
        }
        return TypeRef.Of(TypeRefKind.Any);
    }

    private LocationInfo ScalarLocation(string name)
    {
        foreach (var source in _documents.Sources)
        {
            var definition = source.Document.Definitions.OfType<GraphQLScalarTypeDefinition>().FirstOrDefault(d => d.Name.StringValue == name);
            if (definition != null) return source.At(definition.Name);
        }
        return LocationInfo.FileStart(_documents.Sources.Count > 0 ? _documents.Sources[0].File.Path : string.Empty);
    }

    private string DeclareEnum(GqlType type)
    {
        if (_namedTypes.TryGetValue(type.Name, out var existing)) return existing;
        var name = _typeNames.Claim(Identifier.Pascal(type.Name, "Enum"));
        _namedTypes[type.Name] = name;
        var members = new NameScope(EmittedMembers.OfEnum(name));
        var values = type.EnumValues.Select(v => new EnumMember(members.Claim(Identifier.Pascal(v, "Value")), v, null)).ToEquatableArray();
        _types.Add(new TypeModel { Name = name, Kind = TypeModelKind.Enum, Description = $"The {type.Name} values.", Enum = new EnumModel(EnumUnderlying.String, values) });
        return name;
    }

    private string DeclareInput(GqlType type)
    {
        if (_namedTypes.TryGetValue(type.Name, out var existing)) return existing;
        var name = _typeNames.Claim(Identifier.Pascal(type.Name, "Input"));
        _namedTypes[type.Name] = name;
        var members = new NameScope(EmittedMembers.OfRecord(name));
        var properties = new List<PropertyModel>();
        foreach (var field in type.InputFields.Values)
        {
            var required = field.Type.NonNull && !field.HasDefault;
            var mapped = MapInput(field.Type);
            // An optional input field keeps unset (omitted), null and a value apart.
            properties.Add(new PropertyModel { JsonName = field.Name, Name = members.Claim(Identifier.Pascal(field.Name, "Value")), Type = required ? mapped : mapped.AsNullable(), IsRequired = required, IsTriState = !required });
        }
        _types.Add(new TypeModel { Name = name, Kind = TypeModelKind.Object, Description = $"The {type.Name} input.", Properties = properties.ToEquatableArray(), AllProperties = properties.ToEquatableArray() });
        return name;
    }
}
