using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using ClientGen.Testing;
using Fixtures;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Xunit;
using Task = System.Threading.Tasks.Task;

namespace ClientGen.Generated.Tests;

/// <summary>A union without a discriminator in a parameter, a body and a response, as Kestrel sees the call.</summary>
public sealed class UnionCallTests
{
    [Fact]
    public async Task A_union_parameter_is_spread_by_the_shape_it_holds_and_the_response_members_are_told_apart()
    {
        var targets = new System.Collections.Generic.List<string>();
        var bodies = new System.Collections.Generic.List<string>();
        await using var host = await LoopbackHost.StartAsync(app => app.Run(async context =>
        {
            targets.Add(context.Features.Get<IHttpRequestFeature>()!.RawTarget);
            bodies.Add(await new StreamReader(context.Request.Body).ReadToEndAsync());
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""[{"object":"bank_account","iban":"DE89"},"tok_visa",{"last4":"4242","object":"card"},{"object":"crypto"}]""");
        }));
        using var http = new HttpClient();
        var client = new FixturesClient(http, new FixturesClientOptions { BaseAddress = host.BaseAddress });

        var sources = await client.CreatePaymentAsync(new CardSource { Object = CardSourceObject.Card, Last4 = "4242" }, created: 1700000000L);
        await client.CreatePaymentAsync("tok_visa", created: new Fixtures.Range { Gt = 1, Lt = 9 });

        Assert.Equal("/payments?created=1700000000", targets[0]);
        Assert.Equal("/payments?created[gt]=1&created[lt]=9", targets[1]);
        Assert.Equal("""{"object":"card","last4":"4242"}""", bodies[0]);
        Assert.Equal("\"tok_visa\"", bodies[1]);
        Assert.True(sources[0].TryGetBankSource(out var bank) && bank.Iban == "DE89");
        Assert.Equal("tok_visa", sources[1].Match(card => "card", bankAccount => "bank", token => token));
        Assert.True(sources[2].IsCardSource);
        Assert.True(sources[3].IsUnknown);
    }
}
