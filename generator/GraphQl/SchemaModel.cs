using System;
using System.Collections.Generic;

namespace ClientGen.Generator.GraphQl;

internal enum GqlKind
{
    Scalar,
    Object,
    Interface,
    Union,
    Enum,
    InputObject,
}

/// <summary>A type reference: a named type, wrapped in lists and non-null markers.</summary>
internal sealed class GqlTypeRef
{
    public GqlTypeRef(string? name, GqlTypeRef? ofType, bool nonNull)
    {
        Name = name;
        OfType = ofType;
        NonNull = nonNull;
    }

    /// <summary>The named type, or null for a list.</summary>
    public string? Name { get; }

    /// <summary>The item type of a list.</summary>
    public GqlTypeRef? OfType { get; }

    public bool NonNull { get; }

    public bool IsList => Name == null;

    public string NamedType => Name ?? OfType!.NamedType;

    public GqlTypeRef Nullable() => NonNull ? new GqlTypeRef(Name, OfType, false) : this;

    public override string ToString() => (IsList ? "[" + OfType + "]" : Name!) + (NonNull ? "!" : string.Empty);
}

internal sealed class GqlInputValue
{
    public GqlInputValue(string name, GqlTypeRef type, bool hasDefault)
    {
        Name = name;
        Type = type;
        HasDefault = hasDefault;
    }

    public string Name { get; }
    public GqlTypeRef Type { get; }
    public bool HasDefault { get; }
}

internal sealed class GqlField
{
    public GqlField(string name, GqlTypeRef type)
    {
        Name = name;
        Type = type;
    }

    public string Name { get; }
    public GqlTypeRef Type { get; }
    public Dictionary<string, GqlInputValue> Arguments { get; } = new(StringComparer.Ordinal);

    /// <summary>The SDL object type a JSON scalar field's value is read as (<c>@clientgen_type(name: "...")</c>).</summary>
    public string? MappedType { get; set; }
}

internal sealed class GqlType
{
    public GqlType(string name, GqlKind kind)
    {
        Name = name;
        Kind = kind;
    }

    public string Name { get; }
    public GqlKind Kind { get; }
    public Dictionary<string, GqlField> Fields { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, GqlInputValue> InputFields { get; } = new(StringComparer.Ordinal);
    public List<string> Interfaces { get; } = new();
    public List<string> UnionMembers { get; } = new();
    public List<string> EnumValues { get; } = new();

    public bool IsComposite => Kind is GqlKind.Object or GqlKind.Interface or GqlKind.Union;

    public bool IsInput => Kind is GqlKind.Scalar or GqlKind.Enum or GqlKind.InputObject;
}

/// <summary>The schema the operations are checked against (mutable while built; never cached in a model).</summary>
internal sealed class GqlSchema
{
    public Dictionary<string, GqlType> Types { get; } = new(StringComparer.Ordinal);
    public string? Query { get; set; }
    public string? Mutation { get; set; }
    public string? Subscription { get; set; }

    /// <summary>Endpoints declared with <c>@clientgen_server(name, url, tokenUrl)</c> on the schema.</summary>
    public List<(string Name, string Url, string? TokenUrl)> Servers { get; } = new();

    /// <summary>Headers declared with <c>@clientgen_header(name, description)</c>: sent on every operation, set through options.</summary>
    public List<(string Name, string? Description)> Headers { get; } = new();

    /// <summary>The <c>@clientgen_waiter</c> and <c>@clientgen_download</c> declarations on the schema, read once the operations are known.</summary>
    public List<(GraphQLParser.AST.GraphQLDirective Directive, GraphQlSource Source)> Waits { get; } = new();

    public GqlType? Find(string? name) => name != null && Types.TryGetValue(name, out var type) ? type : null;

    /// <summary>The object types a composite type can be at run time.</summary>
    public IEnumerable<string> PossibleTypes(GqlType type)
    {
        switch (type.Kind)
        {
            case GqlKind.Object:
                yield return type.Name;
                break;
            case GqlKind.Union:
                foreach (var member in type.UnionMembers) yield return member;
                break;
            case GqlKind.Interface:
                foreach (var candidate in Types.Values)
                {
                    if (candidate.Kind == GqlKind.Object && candidate.Interfaces.Contains(type.Name)) yield return candidate.Name;
                }
                break;
        }
    }
}
