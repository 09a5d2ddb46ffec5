using System.Collections.Generic;
using System.Linq;
using ClientGen.Generator.Model;
using GraphQLParser.AST;

namespace ClientGen.Generator.GraphQl;

/// <summary>
/// Builds the schema from every type-system definition of a client's files. Real schemas have defects
/// (GitHub's defines a field twice): each gets a located error, and the rest of the schema is still built.
/// </summary>
internal static class SchemaBuilder
{
    private static readonly string[] s_builtInScalars = { "String", "Int", "Float", "Boolean", "ID" };

    public static GqlSchema Build(IReadOnlyList<GraphQlSource> sources, List<DiagnosticInfo> diagnostics)
    {
        var schema = new GqlSchema();
        foreach (var scalar in s_builtInScalars) schema.Types[scalar] = new GqlType(scalar, GqlKind.Scalar);
        var declaredAt = new Dictionary<string, bool>();
        var extensions = new List<(GraphQlSource Source, GraphQLObjectTypeExtension Extension)>();

        foreach (var source in sources)
        {
            foreach (var definition in source.Document.Definitions)
            {
                switch (definition)
                {
                    case GraphQLSchemaDefinition schemaDefinition:
                        ReadSchemaDirectives(schema, schemaDefinition.Directives, source);
                        foreach (var root in schemaDefinition.OperationTypes)
                        {
                            var name = root.Type!.Name.StringValue;
                            if (root.Operation == OperationType.Query) schema.Query = name;
                            else if (root.Operation == OperationType.Mutation) schema.Mutation = name;
                            else schema.Subscription = name;
                        }
                        break;
                    case GraphQLObjectTypeExtension extension:
                        extensions.Add((source, extension));
                        break;
                    case GraphQLTypeDefinition typeDefinition:
                        var type = Create(typeDefinition);
                        if (type == null) break;
                        if (schema.Types.ContainsKey(type.Name) && !declaredAt.ContainsKey(type.Name) && s_builtInScalars.Contains(type.Name))
                        {
                            declaredAt[type.Name] = true; // redeclaring a built-in scalar is harmless
                            break;
                        }
                        if (declaredAt.ContainsKey(type.Name))
                        {
                            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GraphQlDuplicateDefinition, source.At(typeDefinition.Name), $"Type '{type.Name}'"));
                            break;
                        }
                        declaredAt[type.Name] = true;
                        Fill(type, typeDefinition, source, diagnostics);
                        schema.Types[type.Name] = type;
                        break;
                }
            }
        }

        foreach (var (source, extension) in extensions)
        {
            if (schema.Find(extension.Name.StringValue) is { } target) AddFields(target, extension.Fields, source, diagnostics);
        }

        schema.Query ??= schema.Find("Query")?.Name;
        schema.Mutation ??= schema.Find("Mutation")?.Name;
        schema.Subscription ??= schema.Find("Subscription")?.Name;
        CheckReferences(schema, sources, diagnostics);
        return schema;
    }

    private static GqlType? Create(GraphQLTypeDefinition definition) => definition switch
    {
        GraphQLObjectTypeDefinition d => new GqlType(d.Name.StringValue, GqlKind.Object),
        GraphQLInterfaceTypeDefinition d => new GqlType(d.Name.StringValue, GqlKind.Interface),
        GraphQLUnionTypeDefinition d => new GqlType(d.Name.StringValue, GqlKind.Union),
        GraphQLEnumTypeDefinition d => new GqlType(d.Name.StringValue, GqlKind.Enum),
        GraphQLInputObjectTypeDefinition d => new GqlType(d.Name.StringValue, GqlKind.InputObject),
        GraphQLScalarTypeDefinition d => new GqlType(d.Name.StringValue, GqlKind.Scalar),
        _ => null,
    };

    private static void Fill(GqlType type, GraphQLTypeDefinition definition, GraphQlSource source, List<DiagnosticInfo> diagnostics)
    {
        switch (definition)
        {
            case GraphQLObjectTypeDefinition obj:
                AddFields(type, obj.Fields, source, diagnostics);
                if (obj.Interfaces != null) type.Interfaces.AddRange(obj.Interfaces.Items.Select(i => i.Name.StringValue));
                break;
            case GraphQLInterfaceTypeDefinition iface:
                AddFields(type, iface.Fields, source, diagnostics);
                if (iface.Interfaces != null) type.Interfaces.AddRange(iface.Interfaces.Items.Select(i => i.Name.StringValue));
                break;
            case GraphQLUnionTypeDefinition union when union.Types != null:
                type.UnionMembers.AddRange(union.Types.Items.Select(t => t.Name.StringValue));
                break;
            case GraphQLEnumTypeDefinition enumeration when enumeration.Values != null:
                type.EnumValues.AddRange(enumeration.Values.Items.Select(v => v.Name.StringValue));
                break;
            case GraphQLInputObjectTypeDefinition input when input.Fields != null:
                foreach (var field in input.Fields.Items)
                {
                    var value = new GqlInputValue(field.Name.StringValue, TypeOf(field.Type), field.DefaultValue != null);
                    if (!type.InputFields.ContainsKey(value.Name)) type.InputFields[value.Name] = value;
                    else diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GraphQlDuplicateDefinition, source.At(field.Name), $"Input field '{type.Name}.{value.Name}'"));
                }
                break;
        }
    }

    private static void AddFields(GqlType type, GraphQLFieldsDefinition? fields, GraphQlSource source, List<DiagnosticInfo> diagnostics)
    {
        if (fields == null) return;
        foreach (var definition in fields.Items)
        {
            var field = new GqlField(definition.Name.StringValue, TypeOf(definition.Type))
            {
                MappedType = Argument(definition.Directives, "clientgen_type", "name"),
            };
            if (definition.Arguments != null)
            {
                foreach (var argument in definition.Arguments.Items)
                {
                    field.Arguments[argument.Name.StringValue] = new GqlInputValue(argument.Name.StringValue, TypeOf(argument.Type), argument.DefaultValue != null);
                }
            }
            if (type.Fields.ContainsKey(field.Name))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GraphQlDuplicateDefinition, source.At(definition.Name), $"Field '{type.Name}.{field.Name}'"));
                continue;
            }
            type.Fields[field.Name] = field;
        }
    }

    /// <summary>ClientGen's own schema directives: servers (regions), headers every operation sends, waiters and downloads.</summary>
    private static void ReadSchemaDirectives(GqlSchema schema, GraphQLDirectives? directives, GraphQlSource source)
    {
        if (directives == null) return;
        foreach (var directive in directives.Items)
        {
            var name = directive.Name.StringValue;
            if (name == "clientgen_server" && Value(directive, "name") is { } serverName && Value(directive, "url") is { } url)
            {
                schema.Servers.Add((serverName, url, Value(directive, "tokenUrl")));
            }
            else if (name == "clientgen_header" && Value(directive, "name") is { } header)
            {
                schema.Headers.Add((header, Value(directive, "description")));
            }
            else if (name is "clientgen_waiter" or "clientgen_download")
            {
                schema.Waits.Add((directive, source));
            }
        }
    }

    private static string? Argument(GraphQLDirectives? directives, string directive, string argument)
    {
        var found = directives?.Items.FirstOrDefault(d => d.Name.StringValue == directive);
        return found == null ? null : Value(found, argument);
    }

    private static string? Value(GraphQLDirective directive, string argument) =>
        directive.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == argument)?.Value is GraphQLStringValue text ? text.Value.ToString() : null;

    public static GqlTypeRef TypeOf(GraphQLType type) => type switch
    {
        GraphQLNonNullType nonNull => With(TypeOf(nonNull.Type), nonNull: true),
        GraphQLListType list => new GqlTypeRef(null, TypeOf(list.Type), false),
        GraphQLNamedType named => new GqlTypeRef(named.Name.StringValue, null, false),
        _ => new GqlTypeRef("String", null, false),
    };

    private static GqlTypeRef With(GqlTypeRef type, bool nonNull) => new(type.Name, type.OfType, nonNull);

    /// <summary>Every type a field, argument or member names must exist.</summary>
    private static void CheckReferences(GqlSchema schema, IReadOnlyList<GraphQlSource> sources, List<DiagnosticInfo> diagnostics)
    {
        foreach (var source in sources)
        {
            foreach (var named in Descendants(source.Document).OfType<GraphQLNamedType>())
            {
                if (schema.Find(named.Name.StringValue) == null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GraphQlUnknownType, source.At(named), named.Name.StringValue));
                }
            }
        }
    }

    /// <summary>The named-type references inside type-system definitions (operations are checked by the validator).</summary>
    private static IEnumerable<ASTNode> Descendants(GraphQLDocument document)
    {
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case GraphQLObjectTypeDefinition obj:
                    foreach (var node in FieldTypes(obj.Fields)) yield return node;
                    if (obj.Interfaces != null) foreach (var i in obj.Interfaces.Items) yield return i;
                    break;
                case GraphQLInterfaceTypeDefinition iface:
                    foreach (var node in FieldTypes(iface.Fields)) yield return node;
                    break;
                case GraphQLUnionTypeDefinition union when union.Types != null:
                    foreach (var member in union.Types.Items) yield return member;
                    break;
                case GraphQLInputObjectTypeDefinition input when input.Fields != null:
                    foreach (var field in input.Fields.Items) yield return Innermost(field.Type);
                    break;
            }
        }
    }

    private static IEnumerable<ASTNode> FieldTypes(GraphQLFieldsDefinition? fields)
    {
        if (fields == null) yield break;
        foreach (var field in fields.Items)
        {
            yield return Innermost(field.Type);
            if (field.Arguments != null) foreach (var argument in field.Arguments.Items) yield return Innermost(argument.Type);
        }
    }

    private static GraphQLType Innermost(GraphQLType type) => type switch
    {
        GraphQLNonNullType nonNull => Innermost(nonNull.Type),
        GraphQLListType list => Innermost(list.Type),
        _ => type,
    };
}
