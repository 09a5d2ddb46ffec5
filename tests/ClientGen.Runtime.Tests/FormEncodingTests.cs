using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using ClientGen.Runtime;
using ClientGen.Runtime.Generated;
using Xunit;

namespace ClientGen.Runtime.Tests;

/// <summary>Form bodies as a server reads them: OpenAPI's encodings where the spec gives one, brackets where it does not.</summary>
public sealed class FormEncodingTests
{
    private static string Encode(string json, params FormField[] fields) => Uri.UnescapeDataString(Raw(json, fields));

    private static string Raw(string json, params FormField[] fields)
    {
        var request = new ApiRequest(new ApiOperation("create", "POST", "/things"), "/things");
        request.SetForm(json, static (w, v) => { using var document = JsonDocument.Parse(v); document.WriteTo(w); }, fields.Length == 0 ? null : fields);
        using var message = request.CreateMessage(new Uri("http://localhost/things"));
        using var stream = new System.IO.MemoryStream();
        message.Content!.CopyTo(stream, null, default);
        return Encoding.ASCII.GetString(stream.ToArray());
    }

    [Fact]
    public void Nested_objects_and_arrays_use_the_bracket_convention_stripe_parses()
    {
        var body = Encode("""{"customer":"cus_1","metadata":{"order_id":"6735"},"items":[{"price":"p_1","quantity":2},{"price":"p_2"}],"description":null}""");

        Assert.Equal("customer=cus_1&metadata[order_id]=6735&items[0][price]=p_1&items[0][quantity]=2&items[1][price]=p_2", body);
    }

    [Fact]
    public void A_top_level_list_of_values_repeats_the_name_as_openapi_says_unless_its_encoding_says_otherwise()
    {
        Assert.Equal("tag=a&tag=b", Encode("""{"tag":["a","b"]}"""));
        Assert.Equal("tag=a,b", Encode("""{"tag":["a","b"]}""", new FormField("tag", "form", false)));
        Assert.Equal("tag=a|b", Encode("""{"tag":["a","b"]}""", new FormField("tag", "pipeDelimited", false)));
        Assert.Equal("expand[0]=a&expand[1]=b", Encode("""{"expand":["a","b"]}""", new FormField("expand", "deepObject", true)));
    }

    [Fact]
    public void A_field_encoded_as_json_is_sent_as_its_json_text_and_values_are_percent_encoded()
    {
        var raw = Raw("""{"filter":{"a":1},"note":"x&y=z"}""", new FormField("filter", "form", true, IsJson: true));

        Assert.Equal("filter=%7B%22a%22%3A1%7D&note=x%26y%3Dz", raw);
    }
}
