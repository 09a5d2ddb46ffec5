using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ClientGen.Generator.Model;
using ClientGen.Generator.Naming;
using NJsonSchema;

namespace ClientGen.Generator.OpenApi;

/// <summary>
/// Maps NSwag/NJsonSchema schemas to <see cref="TypeRef"/>s and <see cref="TypeModel"/>s. Named types
/// are declared first and filled in afterwards, so recursive and forward references resolve.
/// </summary>
internal sealed class SchemaMapper
{
    private readonly Dictionary<JsonSchema, Declared> _declared = new(ReferenceComparer.Instance);
    private readonly List<Declared> _order = new();
    private readonly NameScope _typeNames;
    private readonly DiagnosticSink _diagnostics;
    private readonly HashSet<JsonSchema> _warnedUnions = new(ReferenceComparer.Instance);

    public SchemaMapper(NameScope typeNames, DiagnosticSink diagnostics)
    {
        _typeNames = typeNames;
        _diagnostics = diagnostics;
    }

    private enum Shape
    {
        Object,
        Enum,
        Union,
    }

    /// <summary>Declares a named type for every component schema that needs one, in document order.</summary>
    public void DeclareComponents(IDictionary<string, JsonSchema> schemas, string pointerPrefix)
    {
        foreach (var entry in schemas)
        {
            var schema = Unwrap(entry.Value, out _);
            if (Classify(schema) is { } shape && !_declared.ContainsKey(schema))
            {
                Declare(schema, shape, Identifier.Pascal(entry.Key, "Model"), pointerPrefix + Escape(entry.Key));
            }
        }
    }

    /// <summary>Builds every declared type (including inline ones declared while building) and links hierarchies.</summary>
    public List<TypeModel> BuildAll()
    {
        for (var i = 0; i < _order.Count; i++) Build(_order[i]);
        LinkDiscriminators();
        // A derived record takes its inherited properties from its base, so bases are finished first,
        // whatever order the spec lists them in; the output keeps the spec's order.
        var finished = new Dictionary<Declared, TypeModel>();
        TypeModel FinishInOrder(Declared type)
        {
            if (finished.TryGetValue(type, out var model)) return model;
            if (type.Base != null && !Ancestors(type.Base).Contains(type)) FinishInOrder(type.Base);
            return finished[type] = Finish(type);
        }
        return _order.Select(FinishInOrder).ToList();
    }

    /// <summary>The type to use for <paramref name="schema"/>; inline objects and enums become named types called <paramref name="nameHint"/>.</summary>
    public TypeRef Map(JsonSchema? schema, string nameHint, string pointer)
    {
        if (schema == null) return TypeRef.Of(TypeRefKind.Any);
        var target = Unwrap(schema, out var nullable);
        var type = MapUnwrapped(target, nameHint, pointer);
        return nullable ? type.AsNullable() : type;
    }

    private TypeRef MapUnwrapped(JsonSchema schema, string nameHint, string pointer)
    {
        if (_declared.TryGetValue(schema, out var existing)) return existing.Ref;
        var shape = Classify(schema);
        if (shape != null) return Declare(schema, shape.Value, Identifier.Pascal(nameHint, "Model"), pointer).Ref;

        var oneOf = schema.OneOf.Count > 0 ? schema.OneOf : schema.AnyOf;
        if (oneOf.Count > 0)
        {
            if (_warnedUnions.Add(schema))
            {
                _diagnostics.Warn(DiagnosticDescriptors.UntaggedUnion, pointer, schema.OneOf.Count > 0 ? "oneOf" : "anyOf", nameHint);
            }
            return TypeRef.Of(TypeRefKind.Any);
        }

        var type = schema.Type & ~JsonObjectType.Null;
        if (type.HasFlag(JsonObjectType.Array) || (type == JsonObjectType.None && schema.Item != null))
        {
            var item = schema.Item ?? schema.Items.FirstOrDefault();
            return TypeRef.ArrayOf(Map(item, nameHint + "Item", pointer + "/items"));
        }
        if (type.HasFlag(JsonObjectType.Object) || (type == JsonObjectType.None && schema.AdditionalPropertiesSchema != null))
        {
            return schema.AdditionalPropertiesSchema != null
                ? TypeRef.MapOf(Map(schema.AdditionalPropertiesSchema, nameHint + "Value", pointer + "/additionalProperties"))
                : TypeRef.Of(TypeRefKind.Any);
        }
        if (IsSingleType(type)) return Primitive(type, schema.Format);
        if (type == JsonObjectType.None && ConstType(schema) is { } constType) return constType;
        return TypeRef.Of(TypeRefKind.Any); // no type, or a type array like [string, integer]: keep the raw JSON
    }

    /// <summary>
    /// <c>const</c> without a <c>type</c> (OpenAPI 3.1, JSON Schema): NJsonSchema keeps the keyword as extension data, so
    /// the value's own JSON type is the property's type: <c>const: card</c> is a string, <c>const: 2</c> an integer.
    /// </summary>
    private static TypeRef? ConstType(JsonSchema schema)
    {
        if (schema.ExtensionData == null || !schema.ExtensionData.TryGetValue("const", out var value) || value == null) return null;
        return value switch
        {
            string => TypeRef.Of(TypeRefKind.String),
            bool => TypeRef.Of(TypeRefKind.Boolean),
            int or long or short or byte => TypeRef.Of(TypeRefKind.Int64),
            double or float or decimal => TypeRef.Of(TypeRefKind.Double),
            _ => null,
        };
    }

    private static bool IsSingleType(JsonObjectType type) =>
        type is JsonObjectType.String or JsonObjectType.Integer or JsonObjectType.Number or JsonObjectType.Boolean or JsonObjectType.File;

    private static TypeRef Primitive(JsonObjectType type, string? format)
    {
        format = format?.ToLowerInvariant();
        switch (type)
        {
            case JsonObjectType.Integer:
                return TypeRef.Of(format == "int32" ? TypeRefKind.Int32 : TypeRefKind.Int64);
            case JsonObjectType.Number:
                return TypeRef.Of(format switch
                {
                    "float" => TypeRefKind.Float,
                    "decimal" => TypeRefKind.Decimal,
                    "int32" => TypeRefKind.Int32,
                    "int64" => TypeRefKind.Int64,
                    _ => TypeRefKind.Double,
                });
            case JsonObjectType.Boolean:
                return TypeRef.Of(TypeRefKind.Boolean);
            case JsonObjectType.File:
                return TypeRef.Of(TypeRefKind.Stream);
            default:
                return TypeRef.Of(format switch
                {
                    "date-time" => TypeRefKind.DateTimeOffset,
                    "date" => TypeRefKind.Date,
                    "uuid" or "guid" => TypeRefKind.Guid,
                    "uri" or "url" => TypeRefKind.Uri,
                    "byte" => TypeRefKind.Bytes,
                    "binary" => TypeRefKind.Stream,
                    _ => TypeRefKind.String,
                });
        }
    }

    /// <summary>
    /// Follows <c>$ref</c>s and the wrappers specs use to decorate a reference: <c>allOf: [$ref]</c>,
    /// <c>oneOf/anyOf: [$ref, {type: null}]</c>. Reports whether any layer made the value nullable.
    /// </summary>
    public static JsonSchema Unwrap(JsonSchema schema, out bool nullable)
    {
        nullable = false;
        for (var guard = 0; guard < 64; guard++)
        {
            nullable |= IsNullable(schema);
            if (schema.Reference != null)
            {
                schema = schema.Reference;
                continue;
            }
            if (schema.Properties.Count == 0 && schema.Enumeration.Count == 0 && schema.DiscriminatorObject == null && schema.AdditionalPropertiesSchema == null)
            {
                if (schema.AllOf.Count == 1 && schema.OneOf.Count == 0 && schema.AnyOf.Count == 0)
                {
                    schema = schema.AllOf.First();
                    continue;
                }
                var union = schema.OneOf.Count > 0 ? schema.OneOf : schema.AnyOf;
                if (schema.AllOf.Count == 0 && union.Count > 0 && (schema.OneOf.Count == 0 || schema.AnyOf.Count == 0))
                {
                    var nonNull = union.Where(s => !IsNullType(s)).ToList();
                    if (nonNull.Count == 1)
                    {
                        nullable |= nonNull.Count != union.Count;
                        schema = nonNull[0];
                        continue;
                    }
                }
            }
            break;
        }
        return schema;
    }

    private static bool IsNullable(JsonSchema schema) =>
        schema.IsNullableRaw == true || schema.Type.HasFlag(JsonObjectType.Null)
        || (schema.ExtensionData != null && schema.ExtensionData.TryGetValue("x-nullable", out var xNullable) && xNullable is true);

    private static bool IsNullType(JsonSchema schema) => schema.Reference == null && schema.Type == JsonObjectType.Null;

    private static Shape? Classify(JsonSchema schema)
    {
        var type = schema.Type & ~JsonObjectType.Null;
        if (schema.Enumeration.Count > 0 && (type is JsonObjectType.String or JsonObjectType.Integer or JsonObjectType.Number or JsonObjectType.None)
            && schema.Enumeration.Any(v => v is string or long or int or double) && schema.Properties.Count == 0)
        {
            return Shape.Enum;
        }
        if (schema.DiscriminatorObject != null && (schema.OneOf.Count > 0 || schema.AnyOf.Count > 0) && schema.Properties.Count == 0 && schema.AllOf.Count == 0)
        {
            return Shape.Union;
        }
        if (schema.Properties.Count > 0 || schema.DiscriminatorObject != null)
        {
            return Shape.Object;
        }
        if (schema.AllOf.Count > 0 && schema.OneOf.Count == 0 && schema.AnyOf.Count == 0
            && schema.AllOf.Any(part => Classify(Unwrap(part, out _)) == Shape.Object || Unwrap(part, out _).Properties.Count > 0))
        {
            return Shape.Object;
        }
        return null;
    }

    private Declared Declare(JsonSchema schema, Shape shape, string name, string pointer)
    {
        var declared = new Declared(schema, shape, _typeNames.Claim(name), pointer);
        _declared[schema] = declared;
        _order.Add(declared);
        return declared;
    }

    private void Build(Declared type)
    {
        switch (type.Shape)
        {
            case Shape.Enum:
                BuildEnum(type);
                break;
            case Shape.Union:
                type.Discriminator = type.Schema.DiscriminatorObject!.PropertyName;
                break;
            default:
                BuildObject(type);
                break;
        }
    }

    private void BuildEnum(Declared type)
    {
        var schema = type.Schema;
        var integer = (schema.Type & ~JsonObjectType.Null) == JsonObjectType.Integer || schema.Enumeration.All(v => v is long or int);
        var names = new NameScope(EmittedMembers.OfEnum(type.Name));
        var members = new List<EnumMember>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var raw in schema.Enumeration)
        {
            var declaredName = schema.EnumerationNames.Count > index ? schema.EnumerationNames.ElementAt(index) : null;
            index++;
            if (raw == null) continue; // "null" in an enum list means the value is nullable, which the type use records.
            var value = Convert.ToString(raw, CultureInfo.InvariantCulture) ?? string.Empty;
            if (raw is bool b) value = b ? "true" : "false";
            if (!seen.Add(value)) continue;
            var memberName = declaredName ?? (value.Length == 0 ? "Empty" : Identifier.Pascal(value, "Value"));
            members.Add(new EnumMember(names.Claim(Identifier.Pascal(memberName, "Value")), value, null));
        }
        type.Enum = new EnumModel(integer ? EnumUnderlying.Integer : EnumUnderlying.String, members.ToEquatableArray());
    }

    private void BuildObject(Declared type)
    {
        var schema = type.Schema;
        var parts = new List<JsonSchema> { schema };
        // The first allOf member that is itself a named object becomes the base record; the rest are flattened in.
        foreach (var part in schema.AllOf)
        {
            var target = Unwrap(part, out _);
            if (type.Base == null && part.Reference != null && Classify(target) == Shape.Object && !ReferenceEquals(target, schema))
            {
                type.Base = DeclareBase(target, type.Name + "Base", type.Pointer + "/allOf");
                continue;
            }
            parts.AddRange(Flatten(target));
        }

        var required = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in parts) foreach (var name in part.RequiredProperties) required.Add(name);

        foreach (var part in parts)
        {
            foreach (var entry in part.Properties)
            {
                if (type.RawProperties.Any(p => p.JsonName == entry.Key)) continue;
                var isRequired = entry.Value.IsRequired || required.Contains(entry.Key);
                var propertyPointer = type.Pointer + "/properties/" + Escape(entry.Key);
                type.RawProperties.Add(new RawProperty(entry.Key, entry.Value, isRequired, propertyPointer));
            }
            if (part.AdditionalPropertiesSchema != null && type.AdditionalProperties == null)
            {
                type.AdditionalProperties = Map(part.AdditionalPropertiesSchema, type.Name + "Value", type.Pointer + "/additionalProperties");
            }
        }

        if (schema.DiscriminatorObject != null) type.Discriminator = schema.DiscriminatorObject.PropertyName;
        foreach (var property in type.RawProperties)
        {
            property.Type = Map(property.Schema, type.Name + Identifier.Pascal(property.JsonName), property.Pointer);
        }
    }

    private Declared DeclareBase(JsonSchema schema, string hint, string pointer)
    {
        if (!_declared.TryGetValue(schema, out var declared)) declared = Declare(schema, Shape.Object, hint, pointer);
        return declared;
    }

    /// <summary>An allOf member's own schema plus, recursively, the members it is composed of.</summary>
    private static IEnumerable<JsonSchema> Flatten(JsonSchema schema)
    {
        yield return schema;
        foreach (var part in schema.AllOf)
        {
            foreach (var inner in Flatten(Unwrap(part, out _))) yield return inner;
        }
    }

    private void LinkDiscriminators()
    {
        foreach (var type in _order.Where(t => t.Discriminator != null).ToList())
        {
            var mapping = type.Schema.DiscriminatorObject?.Mapping ?? new Dictionary<string, JsonSchema>();
            var members = new List<(string Value, Declared Type)>();
            foreach (var entry in mapping)
            {
                var target = Unwrap(entry.Value, out _);
                if (_declared.TryGetValue(target, out var declared) && declared.Shape == Shape.Object) members.Add((entry.Key, declared));
            }
            if (type.Shape == Shape.Union)
            {
                foreach (var variant in type.Schema.OneOf.Concat(type.Schema.AnyOf))
                {
                    var target = Unwrap(variant, out _);
                    if (_declared.TryGetValue(target, out var declared) && declared.Shape == Shape.Object && members.All(m => m.Type != declared))
                    {
                        members.Add((DefaultDiscriminatorValue(declared), declared));
                    }
                }
                foreach (var (_, variant) in members)
                {
                    if (variant.Base == null && variant != type && !IsAncestor(variant, type)) variant.Base = type;
                }
            }
            else
            {
                foreach (var derived in _order.Where(d => d != type && IsAncestor(type, d) && members.All(m => m.Type != d)))
                {
                    members.Add((DefaultDiscriminatorValue(derived), derived));
                }
            }

            foreach (var (value, variant) in members)
            {
                if (!IsAncestor(type, variant))
                {
                    _diagnostics.Warn(DiagnosticDescriptors.UnsupportedConstruct, variant.Pointer,
                        $"Schema '{variant.Name}' as a variant of '{type.Name}' while it already derives from another type",
                        "it is not dispatched by the discriminator and is read as the base type");
                    continue;
                }
                variant.DiscriminatorValue ??= value;
                type.Cases.Add(new DiscriminatorCase(value, variant.Name));
            }
        }
    }

    private static string DefaultDiscriminatorValue(Declared type)
    {
        if (type.Schema.ExtensionData != null && type.Schema.ExtensionData.TryGetValue("x-ms-discriminator-value", out var value) && value is string s) return s;
        var slash = type.Pointer.LastIndexOf('/');
        return Uri.UnescapeDataString(type.Pointer.Substring(slash + 1)).Replace("~1", "/").Replace("~0", "~");
    }

    private static bool IsAncestor(Declared ancestor, Declared type)
    {
        for (var current = type.Base; current != null; current = current.Base)
        {
            if (current == ancestor) return true;
        }
        return false;
    }

    private TypeModel Finish(Declared type)
    {
        if (type.Shape == Shape.Enum)
        {
            return new TypeModel(type.Name, TypeModelKind.Enum, Describe(type.Schema), type.Schema.IsDeprecated, null, false, false,
                EquatableArray<PropertyModel>.Empty, EquatableArray<PropertyModel>.Empty, null, null, null, type.Enum, type.Pointer);
        }

        var inherited = Ancestors(type).Reverse().SelectMany(a => a.Properties).ToList();
        var members = new NameScope(EmittedMembers.OfRecord(type.Name).Concat(inherited.Select(p => p.Name)));
        var own = new List<PropertyModel>();
        var discriminatorName = Ancestors(type).Prepend(type).Select(t => t.Discriminator).FirstOrDefault(d => d != null);
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
            own.Add(new PropertyModel(
                raw.JsonName,
                members.Claim(Identifier.Pascal(raw.JsonName, "Value")),
                propertyType,
                isRequired,
                Describe(raw.Schema) ?? Describe(Unwrap(raw.Schema, out _)),
                raw.Schema.IsDeprecated,
                discriminatorDefault,
                KeepsNull: keepsNull));
        }
        type.Properties = own;

        var discriminator = type.Cases.Count > 0 || type.Discriminator != null
            ? new DiscriminatorModel(type.Discriminator ?? string.Empty, AllCases(type).ToEquatableArray())
            : null;
        return new TypeModel(
            type.Name,
            TypeModelKind.Object,
            Describe(type.Schema),
            type.Schema.IsDeprecated,
            type.Base?.Name,
            false,
            _order.Any(d => d.Base == type),
            own.ToEquatableArray(),
            inherited.Concat(own).ToEquatableArray(),
            type.AdditionalProperties,
            discriminator,
            type.DiscriminatorValue,
            null,
            type.Pointer);
    }

    /// <summary>The cases of <paramref name="type"/> plus those of its descendants, so one look at the discriminator picks the most derived type.</summary>
    private IEnumerable<DiscriminatorCase> AllCases(Declared type)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in type.Cases)
        {
            if (seen.Add(item.Value)) yield return item;
        }
        foreach (var derived in _order.Where(d => IsAncestor(type, d)))
        {
            foreach (var item in derived.Cases)
            {
                if (seen.Add(item.Value)) yield return item;
            }
        }
    }

    private static IEnumerable<Declared> Ancestors(Declared type)
    {
        var seen = new HashSet<Declared>();
        for (var current = type.Base; current != null && seen.Add(current); current = current.Base) yield return current;
    }

    public static string? Describe(JsonSchema schema)
    {
        var text = !string.IsNullOrWhiteSpace(schema.Description) ? schema.Description : schema.Title;
        return string.IsNullOrWhiteSpace(text) ? null : text!.Trim();
    }

    public static string Escape(string segment) => segment.Replace("~", "~0").Replace("/", "~1");

    private sealed class Declared
    {
        public Declared(JsonSchema schema, Shape shape, string name, string pointer)
        {
            Schema = schema;
            Shape = shape;
            Name = name;
            Pointer = pointer;
            Ref = TypeRef.NamedType(name, shape == Shape.Enum ? NamedKind.Enum : NamedKind.Object);
        }

        public JsonSchema Schema { get; }
        public Shape Shape { get; }
        public string Name { get; }
        public string Pointer { get; }
        public TypeRef Ref { get; }
        public Declared? Base { get; set; }
        public string? Discriminator { get; set; }
        public string? DiscriminatorValue { get; set; }
        public List<DiscriminatorCase> Cases { get; } = new();
        public List<RawProperty> RawProperties { get; } = new();
        public List<PropertyModel> Properties { get; set; } = new();
        public TypeRef? AdditionalProperties { get; set; }
        public EnumModel? Enum { get; set; }
    }

    private sealed class RawProperty
    {
        public RawProperty(string jsonName, JsonSchema schema, bool isRequired, string pointer)
        {
            JsonName = jsonName;
            Schema = schema;
            IsRequired = isRequired;
            Pointer = pointer;
        }

        public string JsonName { get; }
        public JsonSchema Schema { get; }
        public bool IsRequired { get; }
        public string Pointer { get; }
        public TypeRef? Type { get; set; }
    }

    private sealed class ReferenceComparer : IEqualityComparer<JsonSchema>
    {
        public static readonly ReferenceComparer Instance = new();

        public bool Equals(JsonSchema? x, JsonSchema? y) => ReferenceEquals(x, y);

        public int GetHashCode(JsonSchema obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}
