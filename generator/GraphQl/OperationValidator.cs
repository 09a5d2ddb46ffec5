using System.Collections.Generic;
using System.Linq;
using ClientGen.Generator.Model;
using GraphQLParser.AST;

namespace ClientGen.Generator.GraphQl;

/// <summary>
/// Checks executable definitions against the schema with the GraphQL specification's validation rules
/// (§5): fields and arguments exist, required arguments are given, leaf/composite selections, fragments
/// are known, used and spreadable, variables are defined, used, input-typed and allowed where used,
/// operation names are unique, and same-named fields can be merged. Each error is located in its file.
/// </summary>
internal sealed class OperationValidator
{
    private readonly GqlSchema _schema;
    private readonly GraphQlDocumentSet _documents;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly HashSet<DiagnosticInfo> _reported = new();
    private readonly HashSet<string> _usedFragments = new();

    public OperationValidator(GqlSchema schema, GraphQlDocumentSet documents, List<DiagnosticInfo> diagnostics)
    {
        _schema = schema;
        _documents = documents;
        _diagnostics = diagnostics;
    }

    public void Validate()
    {
        foreach (var conflict in _documents.Conflicts)
        {
            Report(DiagnosticDescriptors.GraphQlDuplicateDefinition, conflict.Source.At(conflict.Definition.FragmentName), $"Fragment '{conflict.Name}' (with a different body)");
        }
        var operations = _documents.Operations;
        CheckOperationNames(operations);
        foreach (var (operation, source) in operations) ValidateOperation(operation, source);
        var unused = _documents.Fragments.Where(f => !_usedFragments.Contains(f.Key)).ToList();
        foreach (var fragment in unused)
        {
            Report(DiagnosticDescriptors.GraphQlUnusedFragment, fragment.Value.Source.At(fragment.Value.Definition.FragmentName), fragment.Key);
        }
        // Like graphql-js, every selection set in the documents is checked, including those of fragments no operation uses.
        foreach (var fragment in unused)
        {
            if (_schema.Find(fragment.Value.Definition.TypeCondition.Type.Name.StringValue) is not { IsComposite: true } type) continue;
            var standalone = new Context("fragment " + fragment.Key) { Standalone = true };
            ValidateSelectionSet(type, fragment.Value.Definition.SelectionSet, fragment.Value.Source, standalone, new HashSet<string> { fragment.Key });
        }
    }

    private void CheckOperationNames(IReadOnlyList<OperationSource> operations)
    {
        var names = new HashSet<string>();
        foreach (var (operation, source) in operations)
        {
            if (operation.Name is null)
            {
                // Judged per file: a folder of one-query files (SWAPI's examples) names each operation after its file.
                if (operations.Count(o => o.Source == source) > 1) Report(DiagnosticDescriptors.GraphQlOperationName, source.At(operation), "An anonymous operation must be the only operation in its file; give it a name");
                continue;
            }
            var name = operation.Name.StringValue;
            if (!names.Add(name)) Report(DiagnosticDescriptors.GraphQlOperationName, source.At(operation.Name), $"The operation name '{name}' is used more than once");
        }
    }

    private void ValidateOperation(GraphQLOperationDefinition operation, GraphQlSource source)
    {
        var kind = operation.Operation;
        var rootName = kind == OperationType.Query ? _schema.Query : kind == OperationType.Mutation ? _schema.Mutation : _schema.Subscription;
        var context = new Context(operation.Name?.StringValue ?? "(anonymous)");
        if (operation.Variables != null)
        {
            foreach (var variable in operation.Variables.Items)
            {
                var name = variable.Variable.Name.StringValue;
                var type = SchemaBuilder.TypeOf(variable.Type);
                context.Variables[name] = (type, variable.DefaultValue != null, variable, source);
                var named = _schema.Find(type.NamedType);
                if (named == null) Report(DiagnosticDescriptors.GraphQlUnknownType, source.At(variable.Type), type.NamedType);
                else if (!named.IsInput) Report(DiagnosticDescriptors.GraphQlVariableNotInput, source.At(variable), name, type.ToString());
            }
        }
        if (_schema.Find(rootName) is not { } root)
        {
            Report(DiagnosticDescriptors.GraphQlSelection, source.At(operation), $"The schema has no {kind.ToString().ToLowerInvariant()} type");
            return;
        }
        UseDirectiveVariables(operation.Directives, source, context);
        ValidateSelectionSet(root, operation.SelectionSet, source, context, new HashSet<string>());
        foreach (var variable in context.Variables)
        {
            if (!context.Used.Contains(variable.Key)) Report(DiagnosticDescriptors.GraphQlUnusedVariable, variable.Value.Source.At(variable.Value.Node), variable.Key, context.OperationName);
        }
    }

    private void ValidateSelectionSet(GqlType parent, GraphQLSelectionSet selectionSet, GraphQlSource source, Context context, HashSet<string> fragmentPath)
    {
        foreach (var selection in selectionSet.Selections)
        {
            UseDirectiveVariables((selection as IHasDirectivesNode)?.Directives, source, context);
            switch (selection)
            {
                case GraphQLField field:
                    ValidateField(parent, field, source, context, fragmentPath);
                    break;
                case GraphQLFragmentSpread spread:
                    var name = spread.FragmentName.Name.StringValue;
                    if (!_documents.TryGetFragment(name, out var fragment))
                    {
                        Report(DiagnosticDescriptors.GraphQlUnknownFragment, source.At(spread.FragmentName), name);
                        break;
                    }
                    _usedFragments.Add(name);
                    if (!fragmentPath.Add(name))
                    {
                        Report(DiagnosticDescriptors.GraphQlFragmentType, source.At(spread), $"Fragment '{name}' spreads itself");
                        break;
                    }
                    var condition = fragment.Definition.TypeCondition.Type.Name.StringValue;
                    if (CheckSpread(parent, condition, fragment.Source, fragment.Definition.TypeCondition.Type, source.At(spread)) is { } fragmentType)
                    {
                        ValidateSelectionSet(fragmentType, fragment.Definition.SelectionSet, fragment.Source, context, fragmentPath);
                    }
                    fragmentPath.Remove(name);
                    break;
                case GraphQLInlineFragment inline:
                    var target = inline.TypeCondition == null ? parent : CheckSpread(parent, inline.TypeCondition.Type.Name.StringValue, source, inline.TypeCondition.Type, source.At(inline));
                    if (target != null) ValidateSelectionSet(target, inline.SelectionSet, source, context, fragmentPath);
                    break;
            }
        }
        CheckMergeable(parent, selectionSet, source);
    }

    /// <summary>The fragment's type, when it exists and can apply to <paramref name="parent"/> (their possible types overlap).</summary>
    private GqlType? CheckSpread(GqlType parent, string condition, GraphQlSource conditionSource, ASTNode conditionNode, LocationInfo spreadLocation)
    {
        var type = _schema.Find(condition);
        if (type == null)
        {
            Report(DiagnosticDescriptors.GraphQlUnknownType, conditionSource.At(conditionNode), condition);
            return null;
        }
        if (!type.IsComposite)
        {
            Report(DiagnosticDescriptors.GraphQlFragmentType, conditionSource.At(conditionNode), $"A fragment cannot be on '{condition}': it is not an object, interface or union");
            return null;
        }
        if (!_schema.PossibleTypes(parent).Intersect(_schema.PossibleTypes(type)).Any())
        {
            Report(DiagnosticDescriptors.GraphQlFragmentType, spreadLocation, $"A fragment on '{condition}' can never apply to '{parent.Name}'");
            return null;
        }
        return type;
    }

    private void ValidateField(GqlType parent, GraphQLField node, GraphQlSource source, Context context, HashSet<string> fragmentPath)
    {
        var name = node.Name.StringValue;
        if (name == "__typename")
        {
            if (node.SelectionSet != null) Report(DiagnosticDescriptors.GraphQlSelection, source.At(node.SelectionSet), "'__typename' is a String and cannot have subfields");
            return;
        }
        if ((name == "__schema" || name == "__type") && parent.Name == _schema.Query) return; // introspection: not modelled, not rejected
        if (parent.Kind == GqlKind.Union || !parent.Fields.TryGetValue(name, out var field))
        {
            Report(DiagnosticDescriptors.GraphQlUnknownField, source.At(node.Name), name, parent.Name);
            return;
        }

        var given = new HashSet<string>();
        if (node.Arguments != null)
        {
            foreach (var argument in node.Arguments.Items)
            {
                var argumentName = argument.Name.StringValue;
                given.Add(argumentName);
                if (!field.Arguments.TryGetValue(argumentName, out var definition))
                {
                    Report(DiagnosticDescriptors.GraphQlUnknownArgument, source.At(argument.Name), argumentName, $"{parent.Name}.{name}");
                    continue;
                }
                ValidateValue(argument.Value, definition.Type, definition.HasDefault, source, context);
            }
        }
        foreach (var argument in field.Arguments.Values)
        {
            if (argument.Type.NonNull && !argument.HasDefault && !given.Contains(argument.Name))
            {
                Report(DiagnosticDescriptors.GraphQlMissingArgument, source.At(node.Name), $"{parent.Name}.{name}", argument.Name, argument.Type.ToString());
            }
        }

        var type = _schema.Find(field.Type.NamedType);
        if (type == null) return; // reported with the schema
        if (type.IsComposite && node.SelectionSet == null)
        {
            Report(DiagnosticDescriptors.GraphQlSelection, source.At(node.Name), $"Field '{name}' of type {field.Type} must select subfields");
        }
        else if (!type.IsComposite && node.SelectionSet != null)
        {
            Report(DiagnosticDescriptors.GraphQlSelection, source.At(node.SelectionSet), $"Field '{name}' of type {field.Type} is a leaf and cannot have subfields");
        }
        else if (node.SelectionSet != null)
        {
            ValidateSelectionSet(type, node.SelectionSet, source, context, fragmentPath);
        }
    }

    /// <summary>
    /// Variables in directive arguments (<c>@include(if: $withPrice)</c>, Shopify's <c>@inContext(country: $country)</c>)
    /// are used and must be defined. Their types are not checked: the schema's directive definitions are not modelled.
    /// </summary>
    private void UseDirectiveVariables(GraphQLDirectives? directives, GraphQlSource source, Context context)
    {
        if (directives == null) return;
        foreach (var argument in directives.Items.SelectMany(d => d.Arguments?.Items ?? new List<GraphQLArgument>())) UseVariables(argument.Value, source, context);
    }

    private void UseVariables(GraphQLValue value, GraphQlSource source, Context context)
    {
        switch (value)
        {
            case GraphQLVariable variable:
                var name = variable.Name.StringValue;
                context.Used.Add(name);
                if (!context.Standalone && !context.Variables.ContainsKey(name)) Report(DiagnosticDescriptors.GraphQlUndefinedVariable, source.At(variable), name, context.OperationName);
                break;
            case GraphQLListValue { Values: { } values }:
                foreach (var item in values) UseVariables(item, source, context);
                break;
            case GraphQLObjectValue { Fields: { } fields }:
                foreach (var field in fields) UseVariables(field.Value, source, context);
                break;
        }
    }

    private void ValidateValue(GraphQLValue value, GqlTypeRef expected, bool locationHasDefault, GraphQlSource source, Context context)
    {
        switch (value)
        {
            case GraphQLVariable variable:
                var name = variable.Name.StringValue;
                context.Used.Add(name);
                if (context.Standalone) break; // no operation defines variables for a fragment checked on its own
                if (!context.Variables.TryGetValue(name, out var declared))
                {
                    Report(DiagnosticDescriptors.GraphQlUndefinedVariable, source.At(variable), name, context.OperationName);
                    break;
                }
                if (!IsAllowed(declared.Type, declared.HasDefault, expected, locationHasDefault))
                {
                    Report(DiagnosticDescriptors.GraphQlVariableType, source.At(variable), name, declared.Type.ToString(), expected.ToString());
                }
                break;
            case GraphQLListValue list when list.Values != null:
                foreach (var item in list.Values) ValidateValue(item, expected.IsList ? expected.OfType! : expected, false, source, context);
                break;
            case GraphQLObjectValue obj when obj.Fields != null:
                if (_schema.Find(expected.NamedType) is not { Kind: GqlKind.InputObject } input) break;
                foreach (var field in obj.Fields)
                {
                    var fieldName = field.Name.StringValue;
                    if (!input.InputFields.TryGetValue(fieldName, out var definition))
                    {
                        Report(DiagnosticDescriptors.GraphQlUnknownArgument, source.At(field.Name), fieldName, input.Name);
                        continue;
                    }
                    ValidateValue(field.Value, definition.Type, definition.HasDefault, source, context);
                }
                break;
        }
    }

    /// <summary>§5.8.5 All Variable Usages Are Allowed: a nullable variable may fill a non-null position only with a default.</summary>
    private static bool IsAllowed(GqlTypeRef variable, bool variableHasDefault, GqlTypeRef location, bool locationHasDefault)
    {
        if (location.NonNull && !variable.NonNull)
        {
            return (variableHasDefault || locationHasDefault) && Compatible(variable, location.Nullable());
        }
        return Compatible(variable, location);
    }

    private static bool Compatible(GqlTypeRef variable, GqlTypeRef location)
    {
        if (location.NonNull) return variable.NonNull && Compatible(variable.Nullable(), location.Nullable());
        if (variable.NonNull) return Compatible(variable.Nullable(), location);
        if (location.IsList) return variable.IsList && Compatible(variable.OfType!, location.OfType!);
        return !variable.IsList && variable.Name == location.Name;
    }

    /// <summary>
    /// §5.3.2 Field Selection Merging, for fields on the same parent type: fields answering under the same
    /// name must be the same field with the same arguments (Linear's generated documents break this).
    /// </summary>
    private void CheckMergeable(GqlType parent, GraphQLSelectionSet selectionSet, GraphQlSource source)
    {
        var groups = new Dictionary<string, List<MergeEntry>>();
        Collect(parent, selectionSet, source, groups, new HashSet<string>());
        CheckGroups(groups, 0);
    }

    /// <summary>Checks each group of same-named fields, then the merged sub-selections of those that can merge.</summary>
    private void CheckGroups(Dictionary<string, List<MergeEntry>> groups, int depth)
    {
        foreach (var entry in groups)
        {
            var fields = entry.Value;
            var conflict = false;
            for (var i = 1; i < fields.Count && !conflict; i++)
            {
                var problem = Conflict(fields[0], fields[i]);
                if (problem == null) continue;
                Report(DiagnosticDescriptors.GraphQlFieldConflict, fields[i].Source.At(fields[i].Node), entry.Key, problem);
                conflict = true;
            }
            // Fields that merge answer with one object: their sub-selections are merged too, and must agree.
            if (conflict || depth > 32 || fields.Count(f => f.Node.SelectionSet != null) < 2) continue;
            var merged = new Dictionary<string, List<MergeEntry>>();
            foreach (var field in fields)
            {
                if (field.Node.SelectionSet == null || _schema.Find(_schema.Find(field.Parent)?.Fields.TryGetValue(field.Field, out var definition) == true ? definition.Type.NamedType : null) is not { } type) continue;
                Collect(type, field.Node.SelectionSet, field.Source, merged, new HashSet<string>());
            }
            CheckGroups(merged, depth + 1);
        }
    }

    private string? Conflict(MergeEntry first, MergeEntry other)
    {
        if (first.Parent != other.Parent && _schema.Find(first.Parent)?.Kind == GqlKind.Object && _schema.Find(other.Parent)?.Kind == GqlKind.Object)
        {
            // Different object types may select different fields under one name, but the values must have one shape.
            var firstType = _schema.Find(first.Parent)?.Fields.TryGetValue(first.Field, out var a) == true ? a.Type : null;
            var otherType = _schema.Find(other.Parent)?.Fields.TryGetValue(other.Field, out var b) == true ? b.Type : null;
            return firstType != null && otherType != null && !SameShape(firstType, otherType)
                ? $"they return different types ({first.Parent}.{first.Field}: {firstType}, {other.Parent}.{other.Field}: {otherType}); use an alias"
                : null;
        }
        return first.Field != other.Field
            ? $"'{first.Field}' and '{other.Field}' are different fields; use an alias"
            : first.Arguments != other.Arguments ? "they have different arguments; use an alias" : null;
    }

    private void Collect(GqlType parent, GraphQLSelectionSet set, GraphQlSource source, Dictionary<string, List<MergeEntry>> into, HashSet<string> visited)
    {
        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    var responseName = field.Alias?.Name.StringValue ?? field.Name.StringValue;
                    if (!into.TryGetValue(responseName, out var list)) into[responseName] = list = new();
                    list.Add(new MergeEntry(field.Name.StringValue, Print(field.Arguments, source.File.Text), parent.Name, field, source));
                    break;
                case GraphQLInlineFragment inline:
                    var inlineType = inline.TypeCondition == null ? parent : _schema.Find(inline.TypeCondition.Type.Name.StringValue);
                    if (inlineType != null) Collect(inlineType, inline.SelectionSet, source, into, visited);
                    break;
                case GraphQLFragmentSpread spread:
                    var name = spread.FragmentName.Name.StringValue;
                    if (visited.Add(name) && _documents.TryGetFragment(name, out var fragment) && _schema.Find(fragment.Definition.TypeCondition.Type.Name.StringValue) is { } fragmentType)
                    {
                        Collect(fragmentType, fragment.Definition.SelectionSet, fragment.Source, into, visited);
                    }
                    break;
            }
        }
    }

    /// <summary>§5.3.2 SameResponseShape: same list/non-null wrapping, and the same leaf type (composite types are compared field by field elsewhere).</summary>
    private bool SameShape(GqlTypeRef a, GqlTypeRef b)
    {
        if (a.NonNull != b.NonNull || a.IsList != b.IsList) return false;
        if (a.IsList) return SameShape(a.OfType!, b.OfType!);
        var left = _schema.Find(a.Name);
        var right = _schema.Find(b.Name);
        if (left == null || right == null) return true;
        if (!left.IsComposite || !right.IsComposite) return a.Name == b.Name;
        return true;
    }

    /// <summary>Arguments in a canonical form (sorted by name, values as written) so two uses compare equal exactly when they are the same.</summary>
    private static string Print(GraphQLArguments? arguments, string text) =>
        arguments == null ? string.Empty : string.Join(",", arguments.Items.OrderBy(a => a.Name.StringValue, System.StringComparer.Ordinal).Select(a => a.Name.StringValue + ":" + GraphQlDocumentSet.Normalized(a.Value, text)));

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, LocationInfo location, params string[] args)
    {
        // Fragments are checked once per operation that spreads them: report each problem once.
        var diagnostic = DiagnosticInfo.Create(descriptor, location, args);
        if (_reported.Add(diagnostic)) _diagnostics.Add(diagnostic);
    }

    private sealed record MergeEntry(string Field, string Arguments, string Parent, GraphQLField Node, GraphQlSource Source);

    private sealed class Context
    {
        public Context(string operationName) => OperationName = operationName;

        public string OperationName { get; }

        /// <summary>True when checking a fragment outside any operation.</summary>
        public bool Standalone { get; init; }

        public Dictionary<string, (GqlTypeRef Type, bool HasDefault, GraphQLVariableDefinition Node, GraphQlSource Source)> Variables { get; } = new();

        public HashSet<string> Used { get; } = new();
    }
}
