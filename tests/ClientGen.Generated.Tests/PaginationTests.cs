using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using ClientGen.Testing;
using Fixtures;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit;
using Task = System.Threading.Tasks.Task;

namespace ClientGen.Generated.Tests;

/// <summary>Paged operations (<c>x-clientgen-pagination</c>) stream their items, one request a page, as Kestrel serves them.</summary>
public sealed class PaginationTests : IAsyncLifetime
{
    private static readonly int[] s_numbers = { 1, 2, 3, 4, 5, 6, 7 };
    private readonly ConcurrentQueue<string> _requests = new();
    private LoopbackHost _host = null!;

    public async Task InitializeAsync() => _host = await LoopbackHost.StartAsync(app =>
    {
        app.Use((context, next) =>
        {
            _requests.Enqueue(context.Request.Path + context.Request.QueryString);
            return next(context);
        });
        app.MapGet("/api/paged/offset", (int? offset, int? limit) => Page(s_numbers.Skip(offset ?? 0).Take(limit ?? 3), null));
        app.MapGet("/api/paged/pages", (int page, int size) => Page(s_numbers.Skip((page - 1) * size).Take(size), null));
        app.MapGet("/api/paged/cursor", (string? cursor) =>
        {
            var from = cursor is null ? 0 : int.Parse(cursor.AsSpan(1), provider: System.Globalization.CultureInfo.InvariantCulture);
            return Page(s_numbers.Skip(from).Take(3), from + 3 < s_numbers.Length ? "c" + (from + 3) : null);
        });
        app.MapGet("/api/paged/links", (HttpContext context, string? filter, int? part) =>
        {
            var from = part ?? 0;
            var next = filter == "elsewhere" ? "https://elsewhere.example/api/paged/links?part=3"
                : from + 3 < s_numbers.Length ? $"{context.Request.Scheme}://{context.Request.Host}/api/paged/links?filter={filter}&part={from + 3}" : null;
            return Results.Json(new { value = s_numbers.Skip(from).Take(3).ToArray(), nextLink = next });
        });
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static IResult Page(IEnumerable<int> items, string? next) => Results.Json(new { data = items.ToArray(), meta = new { next } });

    private FixturesClient Client(HttpClient http) => new(http, new FixturesClientOptions { BaseAddress = new Uri(_host.BaseAddress, "/api") });

    [Fact]
    public async Task An_offset_grows_by_the_items_read_until_a_page_comes_back_empty()
    {
        using var http = new HttpClient();

        var items = await ToList(Client(http).ListByOffsetItemsAsync());

        Assert.Equal(s_numbers, items);
        Assert.Equal(new[] { "/api/paged/offset?offset=0", "/api/paged/offset?offset=3", "/api/paged/offset?offset=6", "/api/paged/offset?offset=7" }, _requests);
    }

    [Fact]
    public async Task A_page_number_grows_by_one_and_a_short_page_ends_the_stream()
    {
        using var http = new HttpClient();

        var items = await ToList(Client(http).ListByPageItemsAsync());

        Assert.Equal(s_numbers, items);
        Assert.Equal(new[] { "/api/paged/pages?size=3&page=1", "/api/paged/pages?size=3&page=2", "/api/paged/pages?size=3&page=3" }, _requests);
    }

    [Fact]
    public async Task A_cursor_is_followed_until_a_page_returns_none()
    {
        using var http = new HttpClient();

        var items = await ToList(Client(http).AllByCursorAsync());

        Assert.Equal(s_numbers, items);
        Assert.Equal(new[] { "/api/paged/cursor", "/api/paged/cursor?cursor=c3", "/api/paged/cursor?cursor=c6" }, _requests);
    }

    [Fact]
    public async Task An_x_ms_pageable_next_link_is_followed_with_the_first_calls_arguments_in_it()
    {
        using var http = new HttpClient();

        var items = await ToList(Client(http).ListByLinkItemsAsync(filter: "odd"));

        Assert.Equal(s_numbers, items);
        Assert.Equal(new[] { "/api/paged/links?filter=odd", "/api/paged/links?filter=odd&part=3", "/api/paged/links?filter=odd&part=6" }, _requests);
    }

    [Fact]
    public async Task A_next_link_to_another_host_is_refused_not_followed_with_the_apis_credentials()
    {
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ToList(Client(http).ListByLinkItemsAsync(filter: "elsewhere")));

        Assert.Contains("elsewhere.example", error.Message);
        Assert.Single(_requests);
    }

    [Fact]
    public async Task Stopping_early_requests_no_further_page()
    {
        using var http = new HttpClient();
        var read = new List<int>();

        await foreach (var item in Client(http).ListByPageItemsAsync(size: 2))
        {
            read.Add(item);
            if (read.Count == 2) break;
        }

        Assert.Equal(new[] { 1, 2 }, read);
        Assert.Single(_requests);
    }

    private static async System.Threading.Tasks.Task<List<int>> ToList(IAsyncEnumerable<int> items)
    {
        var list = new List<int>();
        await foreach (var item in items) list.Add(item);
        return list;
    }
}
