using System.Collections.Generic;
using System.Linq;
using ClientGen.Generator.Model;

namespace ClientGen.Generator.OpenApi.Schemas;

/// <summary>
/// The types a filtered client's operations reach, in model order: what their parameters, bodies, successes and
/// errors name, what those types' properties, maps, unions and bases name, and every type deriving from a reached
/// one (a polymorphic read must know its cases). Nothing else of a 3,000-type spec is emitted or compiled.
/// </summary>
internal static class TypeTrimmer
{
    public static List<TypeModel> Reachable(List<TypeModel> types, IReadOnlyList<OperationModel> operations)
    {
        var byName = types.ToDictionary(t => t.Name);
        var derived = types.Where(t => t.BaseType != null).ToLookup(t => t.BaseType!);
        var reached = new HashSet<string>();
        var pending = new Stack<string>();

        void Visit(TypeRef? type)
        {
            for (var current = type; current != null; current = current.Element)
            {
                if (current.Name != null && byName.ContainsKey(current.Name) && reached.Add(current.Name)) pending.Push(current.Name);
            }
        }

        void VisitName(string? name)
        {
            if (name != null && byName.ContainsKey(name) && reached.Add(name)) pending.Push(name);
        }

        foreach (var operation in operations)
        {
            foreach (var parameter in operation.Parameters) Visit(parameter.Type);
            Visit(operation.Body?.Type);
            Visit(operation.Success.Type);
            foreach (var error in operation.Errors) Visit(error.Type);
        }
        while (pending.Count > 0)
        {
            var type = byName[pending.Pop()];
            foreach (var property in type.Properties.Concat(type.AllProperties)) Visit(property.Type);
            Visit(type.AdditionalProperties);
            VisitName(type.BaseType);
            foreach (var member in type.Union?.Members ?? EquatableArray<UnionMember>.Empty) Visit(member.Type);
            foreach (var @case in type.Discriminator?.Cases ?? EquatableArray<DiscriminatorCase>.Empty) VisitName(@case.TypeName);
            foreach (var child in derived[type.Name]) VisitName(child.Name);
        }
        return types.Where(t => reached.Contains(t.Name)).ToList();
    }
}
