using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace ClientGen.Generator.Tests.RoundTrip;

/// <summary>
/// Builds random values of generated model types through their public surface: every property set,
/// optional ones sometimes left out, enums sometimes given a value the spec does not list (what a newer
/// server sends), unknown properties added, derived types chosen where a base type is expected.
/// </summary>
internal sealed class RandomInstances(Random random, Assembly models)
{
    private const int MaxDepth = 3;

    public object? Create(Type type, int depth = 0)
    {
        var nullable = Nullable.GetUnderlyingType(type);
        if (nullable != null) return random.Next(5) == 0 ? null : Create(nullable, depth);
        if (type == typeof(string)) return Text();
        if (type == typeof(int)) return random.Next(int.MinValue, int.MaxValue);
        if (type == typeof(long)) return random.NextInt64();
        if (type == typeof(double)) return Math.Round(random.NextDouble() * 1e6, random.Next(0, 8));
        if (type == typeof(float)) return (float)Math.Round(random.NextDouble() * 1000, 3);
        if (type == typeof(decimal)) return Math.Round((decimal)random.NextDouble() * 100000m, random.Next(0, 6));
        if (type == typeof(bool)) return random.Next(2) == 0;
        if (type == typeof(Guid)) return new Guid(Bytes(16));
        if (type == typeof(DateTimeOffset)) return new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.FromHours(random.Next(-12, 13))).AddTicks(random.NextInt64(0, TimeSpan.TicksPerDay * 365 * 40));
        if (type == typeof(TimeSpan)) return TimeSpan.FromTicks(random.NextInt64(0, TimeSpan.TicksPerDay * 400));
        if (type == typeof(DateOnly)) return DateOnly.FromDayNumber(random.Next(700000, 760000));
        if (type == typeof(Uri)) return new Uri($"https://example.com/{Uri.EscapeDataString(Text())}?q={random.Next()}");
        if (type == typeof(byte[])) return Bytes(random.Next(0, 12));
        if (type == typeof(JsonElement)) return JsonDocument.Parse(AnyJson(depth)).RootElement.Clone();
        if (type == typeof(Stream)) return new MemoryStream(Encoding.UTF8.GetBytes(Text()));
        if (type == typeof(ClientGen.Runtime.FilePart)) return ClientGen.Runtime.FilePart.FromBytes(Encoding.UTF8.GetBytes(Text()), "file");
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)) return List(type.GetGenericArguments()[0], depth);
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)) return Map(type.GetGenericArguments()[1], depth);
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ClientGen.Runtime.Optional<>)) return Optional(type, depth);
        // An id or the object: either one, as a payload would carry it.
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ClientGen.Runtime.IdOr<>))
        {
            return random.Next(2) == 0 || depth > 3
                ? Activator.CreateInstance(type, Text())!
                : Activator.CreateInstance(type, Model(type.GetGenericArguments()[0], depth + 1))!;
        }
        if (type.IsValueType && type.GetProperty("KnownValues", BindingFlags.Public | BindingFlags.Static) != null) return Enum(type);
        if (type.IsValueType && type.GetMethod("FromUnknown", BindingFlags.Public | BindingFlags.Static) != null) return Union(type, depth);
        if (type.IsClass && type.Assembly == models) return Model(type, depth);
        throw new NotSupportedException("No random values for " + type);
    }

    /// <summary>A generated union holding one of its members, made the way users make one (<c>From…</c>).</summary>
    private object Union(Type type, int depth)
    {
        var factories = type.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.Name.StartsWith("From", StringComparison.Ordinal) && m.Name != "FromUnknown" && m.GetParameters().Length == 1)
            .ToList();
        // Deep in a recursive schema, prefer a member that does not recurse again.
        if (depth > MaxDepth) factories = factories.OrderBy(m => m.GetParameters()[0].ParameterType.Assembly == models ? 1 : 0).Take(1).ToList();
        // Members the generator reported as not told apart (CG1002) read as the first: a value is kept only when the
        // union reads it back as the member it was made as, so what is tested is what the union promises.
        object? fallback = null;
        var start = random.Next(factories.Count);
        for (var attempt = 0; attempt < factories.Count * 2; attempt++)
        {
            var factory = factories[(start + attempt) % factories.Count];
            var union = factory.Invoke(null, new[] { Create(factory.GetParameters()[0].ParameterType, depth + 1) })!;
            fallback ??= union;
            if (ReadsBackAsItself(type, union)) return union;
        }
        return fallback!;
    }

    private static bool ReadsBackAsItself(Type type, object union)
    {
        try
        {
            var read = JsonSerializer.Deserialize(JsonSerializer.Serialize(union, type), type)!;
            var value = type.GetProperty("Value")!;
            return value.GetValue(read)?.GetType() == value.GetValue(union)?.GetType();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private object Model(Type declared, int depth)
    {
        // A base type stands for any of its derived types, as a polymorphic payload would.
        var candidates = models.GetExportedTypes().Where(t => t.IsClass && !t.IsAbstract && declared.IsAssignableFrom(t) && t.GetNestedType("ClientGenJsonConverter") != null).ToList();
        var type = candidates[random.Next(candidates.Count)];
        var instance = Activator.CreateInstance(type)!;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            if (property.Name == "AdditionalProperties")
            {
                property.SetValue(instance, Unknown(property.PropertyType, depth));
                continue;
            }
            var required = property.GetCustomAttributes().Any(a => a.GetType().Name == "RequiredMemberAttribute");
            var optional = !required && (Nullable.GetUnderlyingType(property.PropertyType) != null || !property.PropertyType.IsValueType);
            if (optional && (depth >= MaxDepth || random.Next(3) == 0)) continue;
            if (depth >= MaxDepth && IsCollection(property.PropertyType))
            {
                property.SetValue(instance, Create(property.PropertyType, MaxDepth + 1));
                continue;
            }
            var value = Create(property.PropertyType, depth + 1);
            // A property the constructor starts with a value (a derived type's discriminator) never holds "": an empty
            // discriminator is how a base read without one says so, and it is not written back.
            if (value is "" && property.GetValue(instance) is string { Length: > 0 }) continue;
            property.SetValue(instance, value);
        }
        return instance;
    }

    private object? Unknown(Type dictionaryType, int depth)
    {
        if (random.Next(2) == 0) return null;
        var valueType = dictionaryType.GetGenericArguments()[1];
        var map = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(typeof(string), valueType))!;
        for (var i = random.Next(1, 3); i > 0; i--) map["zz_unknown_" + random.Next(1000)] = Create(valueType, MaxDepth);
        return map;
    }

    private object Enum(Type type)
    {
        var known = ((IEnumerable)type.GetProperty("KnownValues")!.GetValue(null)!).Cast<object>().ToList();
        var raw = type.GetProperty("Value")!.PropertyType;
        // One in four is a value the spec does not list.
        if (known.Count == 0 || random.Next(4) == 0) return Activator.CreateInstance(type, raw == typeof(long) ? random.NextInt64(1000, 9999) : "zz-new-" + random.Next(100))!;
        return known[random.Next(known.Count)];
    }

    private object List(Type element, int depth)
    {
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
        for (var i = depth > MaxDepth ? 0 : random.Next(0, 3); i > 0; i--) list.Add(Create(element, depth + 1));
        return list;
    }

    private object Map(Type value, int depth)
    {
        var map = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(typeof(string), value))!;
        for (var i = depth > MaxDepth ? 0 : random.Next(0, 3); i > 0; i--) map["k" + i + Text()] = Create(value, depth + 1);
        return map;
    }

    private object Optional(Type type, int depth)
    {
        var inner = type.GetGenericArguments()[0];
        return random.Next(3) switch
        {
            0 => Activator.CreateInstance(type)!, // unset: omitted
            1 => Activator.CreateInstance(type, new object?[] { null })!, // explicit null
            _ => Activator.CreateInstance(type, Create(inner, depth))!,
        };
    }

    private static bool IsCollection(Type type) =>
        type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) || type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>));

    private string Text()
    {
        var pieces = new[] { "a", "Zß", "\"", "\\", "\n", "é", "😀", " ", "0", "<tag>", "'" };
        var text = new StringBuilder();
        for (var i = random.Next(0, 6); i > 0; i--) text.Append(pieces[random.Next(pieces.Length)]);
        return text.ToString();
    }

    private byte[] Bytes(int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private string AnyJson(int depth) => (depth > MaxDepth ? random.Next(3) : random.Next(5)) switch
    {
        0 => random.Next(1000).ToString(System.Globalization.CultureInfo.InvariantCulture),
        1 => JsonSerializer.Serialize(Text()),
        2 => "null",
        3 => "[" + AnyJson(depth + 1) + "," + AnyJson(depth + 1) + "]",
        _ => "{\"x\":" + AnyJson(depth + 1) + ",\"y\":true}",
    };
}
