using System;
using System.Collections.Generic;
using System.Linq;
using ClientGen.Generator.Model;
using ClientGen.Generator.Naming;

namespace ClientGen.Generator.OpenApi.Schemas;

/// <summary>
/// Turns a declared, linked type into its <see cref="TypeModel"/>: property names claimed against inherited and
/// emitted members, which properties are required, nullable or keep an explicit null, and a required
/// discriminator's default. Bases are finished before their derived types (the caller's order).
/// </summary>
internal static class TypeFinisher
{
    public static TypeModel Finish(DeclaredType type, IReadOnlyList<DeclaredType> order)
    {
        if (type.Shape == SchemaShape.Enum)
        {
            return new TypeModel { Name = type.Name, Kind = TypeModelKind.Enum, Description = SchemaShapes.Describe(type.Schema), IsDeprecated = type.Schema.IsDeprecated, Enum = type.Enum };
        }
        if (type.Shape == SchemaShape.UntaggedUnion)
        {
            return new TypeModel { Name = type.Name, Kind = TypeModelKind.Union, Description = SchemaShapes.Describe(type.Schema), IsDeprecated = type.Schema.IsDeprecated, Union = type.Union };
        }

        var inherited = type.Ancestors().Reverse().SelectMany(a => a.Properties).ToList();
        var members = new NameScope(EmittedMembers.OfRecord(type.Name).Concat(inherited.Select(p => p.Name)));
        var own = new List<PropertyModel>();
        var discriminatorName = type.Ancestors().Prepend(type).Select(t => t.Discriminator).FirstOrDefault(d => d != null);
        foreach (var raw in type.RawProperties)
        {
            if (inherited.Any(p => p.JsonName == raw.JsonName)) continue;
            var isDiscriminator = raw.JsonName == discriminatorName;
            // A discriminator is filled in from the type on write, so callers need not set it.
            var isRequired = raw.IsRequired && !isDiscriminator;
            var propertyType = raw.Type!;
            // Optional and nullable: null is a value the caller may send, apart from leaving the property out.
            var keepsNull = !isRequired && !isDiscriminator && propertyType.IsNullable;
            // A required discriminator stays non-null: not a required member (the type fills it in), but never absent.
            var discriminatorDefault = isDiscriminator && raw.IsRequired && !propertyType.IsNullable
                && (propertyType.Kind == TypeRefKind.String || (propertyType.Kind == TypeRefKind.Named && propertyType.NamedKind == NamedKind.Enum))
                ? type.DiscriminatorValue ?? string.Empty
                : null;
            if (!isRequired && discriminatorDefault == null) propertyType = propertyType.AsNullable();
            own.Add(new PropertyModel
            {
                JsonName = raw.JsonName,
                Name = members.Claim(Identifier.Pascal(raw.JsonName, "Value")),
                Type = propertyType,
                IsRequired = isRequired,
                Description = SchemaShapes.Describe(raw.Schema) ?? SchemaShapes.Describe(SchemaShapes.Unwrap(raw.Schema, out _)),
                IsDeprecated = raw.Schema.IsDeprecated,
                DiscriminatorDefault = discriminatorDefault,
                KeepsNull = keepsNull,
            });
        }
        type.Properties = own;

        var discriminator = type.Cases.Count > 0 || type.Discriminator != null
            ? new DiscriminatorModel(type.Discriminator ?? string.Empty, AllCases(type, order).ToEquatableArray())
            : null;
        return new TypeModel
        {
            Name = type.Name,
            Kind = TypeModelKind.Object,
            Description = SchemaShapes.Describe(type.Schema),
            IsDeprecated = type.Schema.IsDeprecated,
            BaseType = type.Base?.Name,
            Properties = own.ToEquatableArray(),
            AllProperties = inherited.Concat(own).ToEquatableArray(),
            AdditionalProperties = type.AdditionalProperties,
            Discriminator = discriminator,
            // A record derived from a variant without a mapping of its own reads back as that variant, so it writes that variant's value.
            DiscriminatorValue = type.DiscriminatorValue ?? type.Ancestors().Select(a => a.DiscriminatorValue).FirstOrDefault(v => v != null),
            TagsOnlyAsBase = type.IsListedVariant,
        };
    }

    /// <summary>The cases of <paramref name="type"/> plus those of its descendants, so one look at the discriminator picks the most derived type.</summary>
    private static IEnumerable<DiscriminatorCase> AllCases(DeclaredType type, IReadOnlyList<DeclaredType> order)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in type.Cases)
        {
            if (seen.Add(item.Value)) yield return item;
        }
        foreach (var derived in order.Where(d => type.IsAncestorOf(d)))
        {
            foreach (var item in derived.Cases)
            {
                if (seen.Add(item.Value)) yield return item;
            }
        }
    }
}
