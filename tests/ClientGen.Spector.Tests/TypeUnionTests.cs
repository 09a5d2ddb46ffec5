using System;
using System.Linq;
using System.Net.Http;
using Spector.Type.Union;
using Xunit;
using Task = System.Threading.Tasks.Task;

namespace ClientGen.Spector.Tests;

/// <summary>
/// Spector's <c>type/union</c> scenarios through the generated client: the mock server answers only a request that matches
/// its scenario exactly (anything else is an error status, which the client throws), and the tests check what was read.
/// </summary>
[Collection(SpectorCollection.Name)]
public sealed class TypeUnionTests(SpectorServer server) : IDisposable
{
    private readonly HttpClient _http = new();

    private TitleClient Client => new(_http, new TitleClientOptions { BaseAddress = server.BaseAddress });

    [Fact]
    public async Task Type_Union_StringsOnly_get_and_send()
    {
        Assert.Equal("b", (await Client.StringsOnlyGetAsync()).Prop.Value);
        await Client.StringsOnlySendAsync(new StringsOnlySendRequest { Prop = "b" });
    }

    [Fact]
    public async Task Type_Union_StringExtensible_get_and_send_keep_a_value_the_spec_does_not_list()
    {
        var read = await Client.StringExtensibleGetAsync();
        Assert.Equal("custom", read.Prop.ToString());
        await Client.StringExtensibleSendAsync(new StringExtensibleSendRequest { Prop = read.Prop.ToString() });
    }

    [Fact]
    public async Task Type_Union_ModelsOnly_get_and_send_tell_the_model_by_its_properties()
    {
        var read = await Client.ModelsOnlyGetAsync();
        Assert.True(read.Prop.TryGetCat(out var cat));
        Assert.Equal("test", cat.Name);
        await Client.ModelsOnlySendAsync(new ModelsOnlySendRequest { Prop = new Cat { Name = "test" } });
    }

    [Fact]
    public async Task Type_Union_MixedTypes_get_reads_each_member_by_its_token()
    {
        var read = (await Client.MixedTypesGetAsync()).Prop;
        Assert.True(read.Model.TryGetCat(out var cat) && cat.Name == "test");
        Assert.True(read.Int.TryGetInteger(out var number) && number == 2);
        Assert.True(read.Boolean.TryGetBoolean(out var flag) && flag);
        Assert.Equal(4, read.Array.Count);
        Assert.True(read.Array[0].IsCat);
        Assert.True(read.Array[2].IsInteger);
        Assert.True(read.Array[3].IsBoolean);
    }

    [Fact]
    public async Task Type_Union_MixedTypes_send_writes_each_member_as_it_is()
    {
        var read = (await Client.MixedTypesGetAsync()).Prop;
        await Client.MixedTypesSendAsync(new MixedTypesSendRequest { Prop = read });
    }

    public void Dispose() => _http.Dispose();
}
