using System;
using System.Collections.Generic;
using System.Linq;
using ClientGen.Generator.Model;
using ClientGen.Generator.Naming;

namespace ClientGen.Generator.Common;

/// <summary>
/// Where each client's code goes when clients share a namespace. Two specs in one namespace that both declare
/// <c>Money</c> would emit two <c>Acme.Money</c> types (and two hint names, which kills the generator); instead every
/// client that declares a name another client in its namespace also declares is generated in a namespace of its own,
/// <c>{namespace}.{SpecStem}</c> (the spec's file name, or the GraphQL folder's), with a CG1007 warning saying so.
/// The rule depends only on the set of clients, not their order, and the CLI applies the same one.
/// </summary>
public static class ClientPlacement
{
    /// <summary>The clients that move, each with its new namespace and the warning that says why.</summary>
    public static EquatableArray<Relocation> Place(IReadOnlyList<ClientModel> rest, IReadOnlyList<GraphQlClientModel> graphQl)
    {
        var clients = rest.Select(m => new Candidate(m.SourceFile, m.SourceFile, m.Shape, m.Types))
            .Concat(graphQl.Select(m => new Candidate(m.Folder, m.Folder, m.Shape, m.Types)))
            .OrderBy(c => c.Key, StringComparer.Ordinal)
            .ToList();
        var relocations = new List<Relocation>();
        foreach (var group in clients.GroupBy(c => c.Shape.Namespace, StringComparer.Ordinal))
        {
            var owners = new Dictionary<string, List<Candidate>>(StringComparer.Ordinal);
            foreach (var client in group)
            {
                foreach (var name in client.DeclaredNames())
                {
                    if (!owners.TryGetValue(name, out var list)) owners[name] = list = new List<Candidate>();
                    list.Add(client);
                }
            }
            var shared = owners.Where(o => o.Value.Count > 1).ToList();
            if (shared.Count == 0) continue;
            // Sub-namespaces are claimed in key order, so two specs with one file name still get two namespaces.
            var taken = new NameScope(group.SelectMany(c => c.DeclaredNames()));
            foreach (var client in group.Where(c => shared.Any(s => s.Value.Contains(c))))
            {
                var names = shared.Where(s => s.Value.Contains(client)).Select(s => s.Key).OrderBy(n => n, StringComparer.Ordinal).ToList();
                var target = group.Key + "." + taken.Claim(Identifier.Pascal(ClientNaming.FileStem(client.Key), "Spec"));
                var listed = string.Join(", ", names.Take(5)) + (names.Count > 5 ? $" and {names.Count - 5} more" : string.Empty);
                relocations.Add(new Relocation(client.Key, target, DiagnosticInfo.Create(DiagnosticDescriptors.NamespaceCollision, LocationInfo.FileStart(client.Location), client.Key, listed, group.Key, target)));
            }
        }
        return relocations.ToEquatableArray();
    }

    public static ClientModel Apply(ClientModel model, EquatableArray<Relocation> relocations) =>
        relocations.FirstOrDefault(r => r.Key == model.SourceFile) is { } move ? model with { Shape = model.Shape with { Namespace = move.Namespace } } : model;

    public static GraphQlClientModel Apply(GraphQlClientModel model, EquatableArray<Relocation> relocations) =>
        relocations.FirstOrDefault(r => r.Key == model.Folder) is { } move ? model with { Shape = model.Shape with { Namespace = move.Namespace } } : model;

    private sealed record Candidate(string Key, string Location, ClientShape Shape, EquatableArray<TypeModel> Types)
    {
        // System and Global are reserved by every client alike; they are never declared.
        public IEnumerable<string> DeclaredNames() =>
            CompanionTypes.ReservedTypeNames(Shape.ClientName).Where(n => n is not ("System" or "Global")).Concat(Types.Select(t => t.Name)).Distinct(StringComparer.Ordinal);
    }
}

/// <summary>A client generated in another namespace than its options say, and the CG1007 warning that tells its user.</summary>
/// <param name="Key">The spec file (OpenAPI) or folder (GraphQL).</param>
/// <param name="Namespace">Where its client and types go instead.</param>
/// <param name="Warning">The warning, at the spec.</param>
public sealed record Relocation(string Key, string Namespace, DiagnosticInfo Warning);
