using System;
using System.Collections.Generic;
using System.Linq;
using GraphQLParser.AST;

namespace ClientGen.Generator.GraphQl;

/// <summary>
/// The text each operation sends: its definition plus every fragment it uses, with <c>__typename</c> selected
/// in the selection set of every field whose type is an interface or union, because the generated reader
/// chooses the derived record by it. An anonymous operation is named after its file, so it can carry an operationName.
/// </summary>
internal sealed class OperationDocumentWriter
{
    private readonly GraphQlDocumentSet _documents;
    private readonly HashSet<(GraphQlSource Source, int Start)> _abstractSelections = new();

    public OperationDocumentWriter(GqlSchema schema, GraphQlDocumentSet documents)
    {
        _documents = documents;
        // The __typename pass: fragments are walked once from their own type condition, not per spread.
        foreach (var operation in documents.Operations)
        {
            var root = operation.Definition.Operation switch
            {
                OperationType.Mutation => schema.Mutation,
                OperationType.Subscription => schema.Subscription,
                _ => schema.Query,
            };
            if (schema.Find(root) is { } rootType) MarkAbstractSelections(schema, rootType, operation.Definition.SelectionSet, operation.Source);
        }
        foreach (var fragment in documents.Fragments.Values)
        {
            if (schema.Find(fragment.Definition.TypeCondition.Type.Name.StringValue) is { } type) MarkAbstractSelections(schema, type, fragment.Definition.SelectionSet, fragment.Source);
        }
    }

    public string Text(OperationSource operation, string? nameForAnonymous)
    {
        var definition = operation.Definition;
        var text = Slice(definition, operation.Source);
        if (nameForAnonymous != null)
        {
            var brace = text.IndexOf('{');
            var keyword = definition.Operation.ToString().ToLowerInvariant();
            text = text.TrimStart().StartsWith(keyword, StringComparison.Ordinal)
                ? keyword + " " + nameForAnonymous + text.TrimStart().Substring(keyword.Length)
                : keyword + " " + nameForAnonymous + " " + text.Substring(Math.Max(0, brace));
        }
        foreach (var fragment in _documents.FragmentsUsedBy(definition.SelectionSet)) text += "\n" + Slice(fragment.Definition, fragment.Source);
        return text;
    }

    private void MarkAbstractSelections(GqlSchema schema, GqlType parent, GraphQLSelectionSet set, GraphQlSource source)
    {
        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case GraphQLField { SelectionSet: { } children } field when parent.Fields.TryGetValue(field.Name.StringValue, out var definition):
                    if (schema.Find(definition.Type.NamedType) is not { } type) break;
                    if (type.Kind is GqlKind.Interface or GqlKind.Union) _abstractSelections.Add((source, children.Location.Start));
                    MarkAbstractSelections(schema, type, children, source);
                    break;
                case GraphQLInlineFragment inline:
                    var condition = inline.TypeCondition == null ? parent : schema.Find(inline.TypeCondition.Type.Name.StringValue) ?? parent;
                    MarkAbstractSelections(schema, condition, inline.SelectionSet, source);
                    break;
            }
        }
    }

    private string Slice(ASTNode node, GraphQlSource source)
    {
        var start = node.Location.Start;
        var text = source.File.Text.Substring(start, node.Location.End - start);
        foreach (var position in _abstractSelections.Where(a => a.Source == source && a.Start >= start && a.Start < node.Location.End).Select(a => a.Start).OrderByDescending(p => p))
        {
            text = text.Insert(position - start + 1, " __typename");
        }
        return text;
    }
}
