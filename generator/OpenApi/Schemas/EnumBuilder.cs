using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ClientGen.Generator.Model;
using ClientGen.Generator.Naming;
using NJsonSchema;

namespace ClientGen.Generator.OpenApi.Schemas;

/// <summary>
/// The members of an enum schema: one per distinct value (a <c>null</c> entry only makes uses nullable), named by
/// <c>x-enumNames</c> when the spec gives them, else by the value; integer-backed when every value is an integer,
/// decimal-backed when every value is a number (a JSON number must be written back as one, not as a string).
/// </summary>
internal static class EnumBuilder
{
    public static EnumModel Build(DeclaredType type)
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
        var number = !integer && members.Count > 0
            && ((schema.Type & ~JsonObjectType.Null) == JsonObjectType.Number || schema.Enumeration.All(v => v is null or double or float or decimal or long or int))
            && members.All(m => decimal.TryParse(m.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
        return new EnumModel(integer ? EnumUnderlying.Integer : number ? EnumUnderlying.Number : EnumUnderlying.String, members.ToEquatableArray());
    }
}
