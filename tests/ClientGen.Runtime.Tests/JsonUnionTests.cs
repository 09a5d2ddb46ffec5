using System.Text;
using System.Text.Json;
using ClientGen.Runtime.Generated;
using Xunit;

namespace ClientGen.Runtime.Tests;

/// <summary>The tests generated union readers decide with: one look, and the caller's reader never moves.</summary>
public sealed class JsonUnionTests
{
    private static readonly byte[][] s_names = { Bytes("type"), Bytes("type"), Bytes("type"), Bytes("iban"), Bytes("count") };
    private static readonly byte[]?[] s_values = { null, Bytes("card"), Bytes("bank"), null, Bytes("2") };

    [Theory]
    [InlineData("""{"type":"card","number":"4242"}""", 0b00011UL)]
    [InlineData("""{"iban":"DE89","type":"bank"}""", 0b01101UL)]
    [InlineData("""{"type":"crypto","count":2}""", 0b10001UL)]
    [InlineData("""{"nested":{"type":"card"},"count":3}""", 0b00000UL)]
    [InlineData("""{"type":"c\u0061rd"}""", 0b00011UL)]
    public void A_probe_sets_a_bit_per_name_present_and_per_value_matched_at_the_top_level_only(string json, ulong expected)
    {
        var reader = ReaderOn(json);
        Assert.Equal(expected, JsonUnion.ProbeObject(reader, s_names, s_values));
        Assert.Equal(JsonTokenType.StartObject, reader.TokenType);
        Assert.Equal(0, reader.TokenStartIndex);
    }

    [Theory]
    [InlineData("[]", JsonTokenType.None)]
    [InlineData("[\"a\",1]", JsonTokenType.String)]
    [InlineData("[{\"a\":1}]", JsonTokenType.StartObject)]
    [InlineData("[[1]]", JsonTokenType.StartArray)]
    public void The_first_item_of_a_list_is_seen_without_moving_the_reader(string json, JsonTokenType expected)
    {
        var reader = ReaderOn(json);
        Assert.Equal(expected, JsonUnion.FirstItem(reader));
        Assert.Equal(JsonTokenType.StartArray, reader.TokenType);
    }

    [Theory]
    [InlineData("42", true)]
    [InlineData("-7", true)]
    [InlineData("4.0", false)]
    [InlineData("1e3", false)]
    [InlineData("99999999999999999999", false)]
    public void An_integer_is_a_number_written_without_fraction_or_exponent_that_fits_64_bits(string json, bool expected)
    {
        var reader = ReaderOn(json);
        Assert.Equal(expected, JsonUnion.IsInteger(ref reader));
    }

    [Fact]
    public void Strings_are_matched_against_listed_values_and_formats()
    {
        var auto = ReaderOn("\"auto\"");
        Assert.True(JsonUnion.StringIn(ref auto, new[] { Bytes("none"), Bytes("auto") }));
        var when = ReaderOn("\"2024-05-01T10:00:00Z\"");
        Assert.True(JsonUnion.IsDateTime(ref when));
        Assert.False(JsonUnion.IsGuid(ref when));
        var id = ReaderOn("\"5f0c8a3e-1b2d-4c5e-9f00-112233445566\"");
        Assert.True(JsonUnion.IsGuid(ref id));
        var number = ReaderOn("3");
        Assert.True(JsonUnion.NumberIn(ref number, new long[] { 1, 3 }));
    }

    [Fact]
    public void Raw_json_of_an_unknown_shape_compares_by_content()
    {
        var a = JsonDocument.Parse("""{"x":[1,2]}""").RootElement;
        var b = JsonDocument.Parse("""{"x":[1,2]}""").RootElement;
        var c = JsonDocument.Parse("""{"x":[2,1]}""").RootElement;
        Assert.True(JsonUnion.ValueEquals(a, b));
        Assert.False(JsonUnion.ValueEquals(a, c));
        Assert.Equal(JsonUnion.ValueHash(a), JsonUnion.ValueHash(b));
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static Utf8JsonReader ReaderOn(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return reader;
    }
}
