using System.Collections.Generic;
using System.Linq;
using ClientGen.Runtime.Generated;
using Xunit;

namespace ClientGen.Runtime.Tests;

/// <summary>
/// Every cell of the OpenAPI specification's "Style Examples" table (color = "", "blue", [blue, black, brown],
/// {R: 100, G: 200, B: 150}), as the generated code asks the runtime to write them. label and matrix follow RFC 6570,
/// as OpenAPI 3.0.4 corrects the 3.0.3 table.
/// </summary>
public sealed class StyleExamplesTests
{
    private static readonly string[] s_array = { "blue", "black", "brown" };
    private static readonly Dictionary<string, int> s_object = new() { ["R"] = 100, ["G"] = 200, ["B"] = 150 };
    private const string ObjectJson = """{"R":100,"G":200,"B":150}""";

    [Theory]
    [InlineData("matrix", false, ";color", ";color=blue", ";color=blue,black,brown", ";color=R,100,G,200,B,150")]
    [InlineData("matrix", true, ";color", ";color=blue", ";color=blue;color=black;color=brown", ";R=100;G=200;B=150")]
    [InlineData("label", false, ".", ".blue", ".blue,black,brown", ".R,100,G,200,B,150")]
    [InlineData("label", true, ".", ".blue", ".blue.black.brown", ".R=100.G=200.B=150")]
    [InlineData("simple", false, "", "blue", "blue,black,brown", "R,100,G,200,B,150")]
    [InlineData("simple", true, "", "blue", "blue,black,brown", "R=100,G=200,B=150")]
    public void Path_styles_write_every_cell_of_the_table(string style, bool explode, string empty, string text, string array, string obj)
    {
        Assert.Equal(empty, ParameterFormatter.FormatPath("color", "", style, explode));
        Assert.Equal(text, ParameterFormatter.FormatPath("color", "blue", style, explode));
        Assert.Equal(array, ParameterFormatter.FormatPath("color", s_array, style, explode));
        Assert.Equal(obj, ParameterFormatter.FormatPathObject("color", ObjectJson, style, explode));
        Assert.Equal(obj, ParameterFormatter.FormatPathMap("color", s_object, style, explode));
    }

    [Theory]
    [InlineData("form", false, "color=", "color=blue", "color=blue,black,brown", "color=R,100,G,200,B,150")]
    [InlineData("form", true, "color=", "color=blue", "color=blue&color=black&color=brown", "R=100&G=200&B=150")]
    [InlineData("spacedelimited", false, null, null, "color=blue%20black%20brown", "color=R%20100%20G%20200%20B%20150")]
    [InlineData("pipedelimited", false, null, null, "color=blue|black|brown", "color=R|100|G|200|B|150")]
    [InlineData("deepobject", true, null, null, null, "color[R]=100&color[G]=200&color[B]=150")]
    public void Query_styles_write_every_cell_of_the_table(string style, bool explode, string? empty, string? text, string? array, string obj)
    {
        if (empty != null) Assert.Equal(empty, Query(r => r.AddQuery("color", "")));
        if (text != null) Assert.Equal(text, Query(r => r.AddQuery("color", "blue")));
        if (array != null) Assert.Equal(array, Query(r => r.AddQueryValues("color", s_array, style, explode)));
        Assert.Equal(obj, Query(r => r.AddQueryObject("color", ObjectJson, style, explode)));
        Assert.Equal(obj, Query(r => r.AddQueryMap("color", s_object, style, explode)));
    }

    [Fact]
    public void A_delimiter_inside_a_value_is_encoded_so_it_never_splits_the_value()
    {
        Assert.Equal("tags=a%2Cb,c", Query(r => r.AddQueryValues("tags", new[] { "a,b", "c" }, "form", false)));
        Assert.Equal("tags=a%7Cb|c", Query(r => r.AddQueryValues("tags", new[] { "a|b", "c" }, "pipedelimited", false)));
        Assert.Equal(";ids=a%3Bb,c", ParameterFormatter.FormatPath("ids", new[] { "a;b", "c" }, "matrix", false));
        Assert.Equal("q=caf%C3%A9%20%26%20more", Query(r => r.AddQuery("q", "café & more")));
    }

    [Theory]
    [InlineData(false, "blue,black,brown", "R,100,G,200,B,150")]
    [InlineData(true, "blue,black,brown", "R=100,G=200,B=150")]
    public void Headers_use_the_simple_style_unencoded(bool explode, string array, string obj)
    {
        Assert.Equal(array, Header(r => r.AddHeaderValues("X-Color", s_array, "simple", explode)));
        Assert.Equal(obj, Header(r => r.AddHeaderObject("X-Color", ObjectJson, "simple", explode)));
        Assert.Equal(obj, Header(r => r.AddHeaderMap("X-Color", s_object, "simple", explode)));
    }

    private static string Query(System.Action<ApiRequest> add)
    {
        var request = new ApiRequest(new ApiOperation("op", "GET", "/p"), "/p");
        add(request);
        return request.PathAndQuery().Substring("/p?".Length);
    }

    private static string Header(System.Action<ApiRequest> add)
    {
        var request = new ApiRequest(new ApiOperation("op", "GET", "/p"), "/p");
        add(request);
        return request.Headers.Single().Value;
    }
}
