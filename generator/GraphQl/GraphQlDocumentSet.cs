using System;
using System.Collections.Generic;
using System.Linq;
using GraphQLParser.AST;

namespace ClientGen.Generator.GraphQl;

/// <summary>
/// The executable definitions of one client's files: its operations in file order and the one fragment table
/// that the validator, the model builder and the document writer all read.
/// </summary>
internal sealed class GraphQlDocumentSet
{
    private readonly Dictionary<string, FragmentSource> _fragments = new(StringComparer.Ordinal);
    private readonly List<FragmentSource> _conflicts = new();

    public GraphQlDocumentSet(IReadOnlyList<GraphQlSource> sources)
    {
        Sources = sources;
        var operations = new List<OperationSource>();
        foreach (var source in sources)
        {
            foreach (var definition in source.Document.Definitions)
            {
                if (definition is GraphQLOperationDefinition operation) operations.Add(new OperationSource(operation, source));
                else if (definition is GraphQLFragmentDefinition fragment) AddFragment(new FragmentSource(fragment, source));
            }
        }
        Operations = operations;
    }

    public IReadOnlyList<GraphQlSource> Sources { get; }

    public IReadOnlyList<OperationSource> Operations { get; }

    /// <summary>The first definition of each fragment name, in file order.</summary>
    public IReadOnlyDictionary<string, FragmentSource> Fragments => _fragments;

    /// <summary>Later definitions of a fragment name whose body differs from the first one's.</summary>
    public IReadOnlyList<FragmentSource> Conflicts => _conflicts;

    public bool TryGetFragment(string name, out FragmentSource fragment) => _fragments.TryGetValue(name, out fragment!);

    /// <summary>The fragments a selection set spreads, directly or through other fragments, in first-use order.</summary>
    public IReadOnlyList<FragmentSource> FragmentsUsedBy(GraphQLSelectionSet set)
    {
        var used = new List<FragmentSource>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        CollectFragments(set, used, seen);
        return used;
    }

    private void CollectFragments(GraphQLSelectionSet? set, List<FragmentSource> into, HashSet<string> seen)
    {
        if (set == null) return;
        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    CollectFragments(field.SelectionSet, into, seen);
                    break;
                case GraphQLInlineFragment inline:
                    CollectFragments(inline.SelectionSet, into, seen);
                    break;
                case GraphQLFragmentSpread spread when seen.Add(spread.FragmentName.Name.StringValue) && _fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment):
                    into.Add(fragment);
                    CollectFragments(fragment.Definition.SelectionSet, into, seen);
                    break;
            }
        }
    }

    private void AddFragment(FragmentSource fragment)
    {
        if (!_fragments.TryGetValue(fragment.Name, out var existing)) _fragments[fragment.Name] = fragment;
        // The same fragment repeated in several one-query files (SWAPI's examples) is one fragment; a different body is a conflict.
        else if (Normalized(existing.Definition, existing.Source.File.Text) != Normalized(fragment.Definition, fragment.Source.File.Text)) _conflicts.Add(fragment);
    }

    /// <summary>A node's text with its white space folded, so two copies compare equal however they are laid out.</summary>
    public static string Normalized(ASTNode node, string text)
    {
        var start = node.Location.Start;
        var end = node.Location.End;
        return start >= 0 && end <= text.Length && end > start
            ? string.Join(" ", text.Substring(start, end - start).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            : node.Kind.ToString();
    }
}

/// <summary>An operation definition and the file it is in.</summary>
internal sealed record OperationSource(GraphQLOperationDefinition Definition, GraphQlSource Source);

/// <summary>A fragment definition and the file it is in.</summary>
internal sealed record FragmentSource(GraphQLFragmentDefinition Definition, GraphQlSource Source)
{
    public string Name => Definition.FragmentName.Name.StringValue;
}
