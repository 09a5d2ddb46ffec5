using System;
using System.Collections.Generic;
using System.Linq;
using ClientGen.Generator.Model;
using ClientGen.Generator.Naming;
using NJsonSchema;

namespace ClientGen.Generator.OpenApi.Schemas;

/// <summary>
/// Maps NSwag/NJsonSchema schemas to <see cref="TypeRef"/>s and <see cref="TypeModel"/>s. Named types are declared
/// first and filled in afterwards, so recursive and forward references resolve: this class keeps the declarations
/// and maps each use; <see cref="EnumBuilder"/>, <see cref="ObjectBuilder"/>, <see cref="DiscriminatorLinker"/> and
/// <see cref="TypeFinisher"/> do the rest, in that order.
/// </summary>
internal sealed class SchemaMapper
{
    private readonly Dictionary<JsonSchema, DeclaredType> _declared = new(ReferenceComparer.Instance);
    private readonly List<DeclaredType> _order = new();
    private readonly NameScope _typeNames;
    private readonly DiagnosticSink _diagnostics;
    private readonly Dictionary<JsonSchema, (string Name, string Pointer)> _componentNames = new(ReferenceComparer.Instance);

    public SchemaMapper(NameScope typeNames, DiagnosticSink diagnostics)
    {
        _typeNames = typeNames;
        _diagnostics = diagnostics;
    }

    public bool IsTypeNameUsed(string name) => _typeNames.IsUsed(name);

    /// <summary>Declares a named type for every component schema that needs one, in document order.</summary>
    public void DeclareComponents(IDictionary<string, JsonSchema> schemas, string pointerPrefix)
    {
        foreach (var entry in schemas)
        {
            var schema = SchemaShapes.Unwrap(entry.Value, out _);
            if (SchemaShapes.Classify(schema) is { } shape && !_declared.ContainsKey(schema))
            {
                Declare(schema, shape, Identifier.Pascal(entry.Key, "Model"), pointerPrefix + JsonPointer.Escape(entry.Key));
            }
            else if (UnionShapes.IsUnion(schema) && !_declared.ContainsKey(schema) && !_componentNames.ContainsKey(schema))
            {
                // Declared at its first use, once it is known not to be an id-or-object pair, under the component's name.
                _componentNames[schema] = (entry.Key, pointerPrefix + JsonPointer.Escape(entry.Key));
            }
        }
    }

    /// <summary>Builds every declared type (including inline ones declared while building) and links hierarchies.</summary>
    public List<TypeModel> BuildAll()
    {
        for (var i = 0; i < _order.Count; i++) Build(_order[i]);
        DiscriminatorLinker.Link(_order, _declared, _diagnostics);
        // A derived record takes its inherited properties from its base, so bases are finished first,
        // whatever order the spec lists them in; the output keeps the spec's order.
        var finished = new Dictionary<DeclaredType, TypeModel>();
        TypeModel FinishInOrder(DeclaredType type)
        {
            if (finished.TryGetValue(type, out var model)) return model;
            if (type.Base != null && !type.Base.Ancestors().Contains(type)) FinishInOrder(type.Base);
            return finished[type] = TypeFinisher.Finish(type, _order);
        }
        return _order.Select(FinishInOrder).ToList();
    }

    /// <summary>The type to use for <paramref name="schema"/>; inline objects and enums become named types called <paramref name="nameHint"/>.</summary>
    public TypeRef Map(JsonSchema? schema, string nameHint, string pointer)
    {
        if (schema == null) return TypeRef.Of(TypeRefKind.Any);
        var target = SchemaShapes.Unwrap(schema, out var nullable);
        var type = MapUnwrapped(target, nameHint, pointer);
        return nullable ? type.AsNullable() : type;
    }

    private TypeRef MapUnwrapped(JsonSchema schema, string nameHint, string pointer)
    {
        if (_declared.TryGetValue(schema, out var existing)) return existing.Ref;
        var shape = SchemaShapes.Classify(schema);
        if (shape != null) return Declare(schema, shape.Value, Identifier.Pascal(nameHint, "Model"), pointer).Ref;

        if (UnionShapes.IsUnion(schema))
        {
            var members = UnionShapes.Members(schema, pointer);
            var record = UnionShapes.IdOrRecordIndex(members);
            if (record >= 0) return TypeRef.IdOrOf(Map(members[record].Schema, nameHint, members[record].Pointer).AsNullable(false));
            return _componentNames.TryGetValue(schema, out var component)
                ? Declare(schema, SchemaShape.UntaggedUnion, Identifier.Pascal(component.Name, "Model"), component.Pointer).Ref
                : Declare(schema, SchemaShape.UntaggedUnion, Identifier.Pascal(nameHint, "Model"), pointer).Ref;
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
        if (ScalarTypes.IsSingleType(type)) return ScalarTypes.Primitive(type, schema.Format);
        if (type == JsonObjectType.None && ScalarTypes.ConstType(schema) is { } constType) return constType;
        return TypeRef.Of(TypeRefKind.Any); // no type: any JSON, kept raw
    }

    private DeclaredType Declare(JsonSchema schema, SchemaShape shape, string name, string pointer)
    {
        var declared = new DeclaredType(schema, shape, _typeNames.Claim(name), pointer);
        _declared[schema] = declared;
        _order.Add(declared);
        return declared;
    }

    private void Build(DeclaredType type)
    {
        switch (type.Shape)
        {
            case SchemaShape.Enum:
                type.Enum = EnumBuilder.Build(type);
                break;
            case SchemaShape.Union:
                type.Discriminator = type.Schema.DiscriminatorObject!.PropertyName;
                break;
            case SchemaShape.UntaggedUnion:
                type.Union = UnionBuilder.Build(type, this, _diagnostics);
                break;
            default:
                ObjectBuilder.Build(type, this);
                break;
        }
    }

    /// <summary>The base record an allOf member names, declared when first seen.</summary>
    public DeclaredType DeclareBase(JsonSchema schema, string hint, string pointer)
    {
        if (!_declared.TryGetValue(schema, out var declared)) declared = Declare(schema, SchemaShape.Object, hint, pointer);
        return declared;
    }
}
