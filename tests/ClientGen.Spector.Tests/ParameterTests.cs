using System;
using System.Net.Http;
using Xunit;
using PathClient = Spector.Parameters.Path.TitleClient;
using PathOptions = Spector.Parameters.Path.TitleClientOptions;
using QueryClient = Spector.Parameters.Query.TitleClient;
using QueryOptions = Spector.Parameters.Query.TitleClientOptions;
using Task = System.Threading.Tasks.Task;

namespace ClientGen.Spector.Tests;

/// <summary>Spector's <c>parameters/path</c> and <c>parameters/query</c> scenarios through the generated clients.</summary>
[Collection(SpectorCollection.Name)]
public sealed class ParameterTests(SpectorServer server) : IDisposable
{
    private readonly HttpClient _http = new();

    [Fact]
    public async Task Parameters_Path_normal()
    {
        await new PathClient(_http, new PathOptions { BaseAddress = server.BaseAddress }).NormalAsync("foo");
    }

    [Fact]
    public async Task Parameters_Query_Constant_post()
    {
        await new QueryClient(_http, new QueryOptions { BaseAddress = server.BaseAddress }).ConstantPostAsync(global::Spector.Parameters.Query.ConstantPostQueryParam.ConstantValue);
    }

    public void Dispose() => _http.Dispose();
}
