using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fixtures;
using Xunit;

namespace ClientGen.Generated.Tests;

/// <summary>Formats, nullability, open enums and awkward names, as a user of the generated types sees them.</summary>
public sealed class ModelShapeTests
{
    [Fact]
    public void Formats_map_to_the_natural_dotnet_types()
    {
        Type TypeOf(string name) => typeof(Formats).GetProperty(name)!.PropertyType;

        Assert.Equal(typeof(Guid), TypeOf(nameof(Formats.Id)));
        Assert.Equal(typeof(DateTimeOffset), TypeOf(nameof(Formats.When)));
        Assert.Equal(typeof(DateOnly?), TypeOf(nameof(Formats.Day)));
        Assert.Equal(typeof(Uri), TypeOf(nameof(Formats.Link)));
        Assert.Equal(typeof(byte[]), TypeOf(nameof(Formats.Blob)));
        Assert.Equal(typeof(long?), TypeOf(nameof(Formats.Big)));
        Assert.Equal(typeof(float?), TypeOf(nameof(Formats.Ratio)));
        Assert.Equal(typeof(decimal?), TypeOf(nameof(Formats.Price)));
        Assert.Equal(typeof(IReadOnlyDictionary<string, string>), TypeOf(nameof(Formats.Tags)));
        Assert.Equal(typeof(JsonElement?), TypeOf(nameof(Formats.Anything)));
    }

    [Fact]
    public void Required_properties_are_required_members()
    {
        bool IsRequired(string name) => typeof(Formats).GetProperty(name)!.GetCustomAttributes().Any(a => a.GetType().Name == "RequiredMemberAttribute");

        Assert.True(IsRequired(nameof(Formats.Id)));
        Assert.True(IsRequired(nameof(Formats.When)));
        Assert.False(IsRequired(nameof(Formats.Maybe)));
    }

    [Fact]
    public void Every_format_round_trips_through_json()
    {
        const string json = """
            {"id":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","when":"2026-11-23T10:15:30+01:00","day":"2026-11-23","link":"https://example.com/a?b=c",
             "blob":"AQID","big":9007199254740993,"ratio":1.5,"price":12.34,"maybe":null,"tags":{"a":"b"},"anything":{"nested":[1,true,null]}}
            """;

        var model = JsonSerializer.Deserialize<Formats>(json)!;

        Assert.Equal(new Guid("3f2504e0-4f89-11d3-9a0c-0305e82c3301"), model.Id);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 10, 15, 30, TimeSpan.FromHours(1)), model.When);
        Assert.Equal(new DateOnly(2026, 11, 23), model.Day);
        Assert.Equal(new byte[] { 1, 2, 3 }, model.Blob);
        Assert.Equal(9007199254740993L, model.Big);
        Assert.Equal(12.34m, model.Price);
        Assert.Null(model.Maybe);
        Assert.Equal("b", model.Tags!["a"]);
        var written = JsonNode.Parse(JsonSerializer.Serialize(model))!;
        Assert.Equal("2026-11-23", (string?)written["day"]);
        Assert.Equal(9007199254740993L, (long?)written["big"]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"nested":[1,true,null]}"""), written["anything"]));
    }

    [Fact]
    public void An_optional_nullable_property_keeps_absent_null_and_value_apart()
    {
        Formats Make(Func<Formats, Formats> set) => set(new Formats { Id = Guid.Empty, When = DateTimeOffset.UnixEpoch });
        JsonObject Written(Formats model) => JsonNode.Parse(JsonSerializer.Serialize(model))!.AsObject();

        var unset = Written(Make(f => f));
        var cleared = Written(Make(f => f with { Maybe = null }));
        var valued = Written(Make(f => f with { Maybe = "x" }));

        Assert.False(unset.ContainsKey("maybe"));
        Assert.True(cleared.ContainsKey("maybe"));
        Assert.Null(cleared["maybe"]);
        Assert.Equal("x", (string?)valued["maybe"]);
        // Read and written back: what the server sent is what goes out again.
        const string head = "\"id\":\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\",\"when\":\"2026-01-01T00:00:00Z\"";
        Assert.True(Written(JsonSerializer.Deserialize<Formats>("{" + head + ",\"maybe\":null}")!).ContainsKey("maybe"));
        Assert.False(Written(JsonSerializer.Deserialize<Formats>("{" + head + "}")!).ContainsKey("maybe"));
        // A non-nullable optional property is still simply omitted when null.
        Assert.False(Written(Make(f => f with { Day = null })).ContainsKey("day"));
    }

    [Fact]
    public void Large_ids_sent_as_strings_are_accepted()
    {
        var model = JsonSerializer.Deserialize<Formats>("""{"id":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","when":"2026-01-01T00:00:00Z","big":"9007199254740993"}""")!;

        Assert.Equal(9007199254740993L, model.Big);
    }

    [Fact]
    public void Open_enums_keep_values_the_spec_does_not_list()
    {
        var task = JsonSerializer.Deserialize<Task>("""{"color":"ultraviolet"}""")!;

        Assert.Equal("ultraviolet", task.Color!.Value.Value);
        Assert.False(task.Color.Value.IsKnown);
        Assert.Equal("""{"color":"ultraviolet"}""", JsonSerializer.Serialize(task));
        Assert.True(Color.Red.IsKnown);
        Assert.Equal(Color.Red, (Color)"red");
        Assert.Equal(6, Color.KnownValues.Count);
    }

    [Fact]
    public void Awkward_names_become_valid_distinct_identifiers()
    {
        var names = typeof(Task).GetProperties().Select(p => p.Name).ToHashSet();

        Assert.Contains("Object", names);
        Assert.Contains("Class", names);
        Assert.Contains("_2fa", names);
        Assert.Contains("XRate", names);
        Assert.Contains("Plus1", names);
        Assert.Contains("Minus1", names);
        Assert.Contains("Task2", names);
        var enumNames = typeof(Color).GetProperties(BindingFlags.Public | BindingFlags.Static).Select(p => p.Name).ToHashSet();
        Assert.Contains("_2faDisabled", enumNames);
        Assert.Contains("_100644", enumNames);
        Assert.Contains("EnAu", enumNames);
        Assert.Contains("Empty", enumNames);
    }

    [Fact]
    public void Parameters_with_keyword_or_bracketed_names_are_usable()
    {
        var method = typeof(IFixturesClient).GetMethod(nameof(IFixturesClient.ListPetsAsync))!;

        Assert.Equal(new[] { "pageSize", "namespace", "class", "callOptions", "cancellationToken" }, method.GetParameters().Select(p => p.Name));
        Assert.NotNull(typeof(IFixturesClient).GetMethod("GetTasksByObjectAsync"));
        Assert.NotNull(typeof(FixturesClient).GetMethod(nameof(FixturesClient.AddShapeAsync))!.GetCustomAttribute<ObsoleteAttribute>());
    }
}
