using System;
using System.Text.Json;
using ClientGen.Runtime;
using ClientGen.Runtime.Generated;
using Xunit;

namespace ClientGen.Runtime.Tests;

/// <summary>An expandable field (id or object) read and written as a user sees it.</summary>
public sealed class IdOrTests
{
    private sealed record Customer(string Name);

    private static IdOr<Customer> Read(string json)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
        reader.Read();
        return JsonRuntime.ReadIdOr(ref reader, static (ref Utf8JsonReader r) =>
        {
            using var document = JsonDocument.ParseValue(ref r);
            return new Customer(document.RootElement.GetProperty("name").GetString()!);
        });
    }

    private static string Write(IdOr<Customer> value) =>
        JsonRuntime.ToJsonString(value, static (w, v) => JsonRuntime.WriteIdOr(w, v, static (w2, c) => { w2.WriteStartObject(); w2.WriteString("name", c.Name); w2.WriteEndObject(); }));

    [Fact]
    public void A_string_is_the_id_and_an_object_is_the_record_and_each_writes_back_as_it_came()
    {
        var id = Read("\"cus_123\"");
        var expanded = Read("{\"name\":\"Ada\"}");

        Assert.True(id.TryGetId(out var text));
        Assert.Equal("cus_123", text);
        Assert.False(id.IsValue);
        Assert.True(expanded.TryGetValue(out var customer));
        Assert.Equal("Ada", customer.Name);
        Assert.Equal("\"cus_123\"", Write(id));
        Assert.Equal("{\"name\":\"Ada\"}", Write(expanded));
    }

    [Fact]
    public void Values_convert_implicitly_compare_by_content_and_match_by_kind()
    {
        IdOr<Customer> id = "cus_1";
        IdOr<Customer> expanded = new Customer("Ada");

        Assert.Equal(id, (IdOr<Customer>)"cus_1");
        Assert.Equal(expanded, (IdOr<Customer>)new Customer("Ada"));
        Assert.NotEqual(id, expanded);
        Assert.Equal("id cus_1", id.Match(i => "id " + i, c => "customer " + c.Name));
        Assert.Equal("customer Ada", expanded.Match(i => "id " + i, c => "customer " + c.Name));
        Assert.Throws<InvalidOperationException>(() => default(IdOr<Customer>).Match(i => i, c => c.Name));
    }
}
