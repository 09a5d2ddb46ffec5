using System;
using System.Net.Http;
using ClientGen.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit;
using Task = System.Threading.Tasks.Task;

namespace ClientGen.Generated.Tests;

/// <summary>Two specs in one namespace that share schema names: this project builds with both, and both clients work.</summary>
public sealed class CollidingSpecsTests
{
    [Fact]
    public async Task Both_clients_are_generated_in_their_own_namespace_and_both_call_their_api()
    {
        await using var host = await LoopbackHost.StartAsync(app => app.Run(context =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(context.Request.Path.StartsWithSegments("/api/invoices")
                ? """{"amount":12.5,"currency":"EUR"}"""
                : """{"amount":3,"currency":"USD"}""");
        }));
        using var http = new HttpClient();
        var invoicing = new Collide.Invoicing.InvoicingClient(http, new() { BaseAddress = new Uri(host.BaseAddress, "/api") });
        var shipping = new Collide.Shipping.ShippingClient(http, new() { BaseAddress = new Uri(host.BaseAddress, "/api") });

        Collide.Invoicing.Money invoice = await invoicing.GetInvoicingAsync("i-1");
        Collide.Shipping.Money shipment = await shipping.GetShippingAsync("s-1");

        Assert.Equal(12.5m, invoice.Amount);
        Assert.Equal("USD", shipment.Currency);
        Assert.NotEqual(typeof(Collide.Invoicing.Problem), typeof(Collide.Shipping.Problem));
    }
}
