using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using ClientGen.Runtime;
using ClientGen.Testing;
using Fixtures;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit;
using Task = System.Threading.Tasks.Task;

namespace ClientGen.Generated.Tests;

/// <summary>A typed multipart body reaches ASP.NET Core's form reader part by part, as the spec's properties say.</summary>
public sealed class MultipartTests
{
    [Fact]
    public async Task Each_property_is_a_part_files_with_their_names_and_values_as_text_or_json()
    {
        IFormCollection? form = null;
        string? contentType = null;
        string? fileText = null;
        await using var host = await LoopbackHost.StartAsync(app => app.Run(async context =>
        {
            contentType = context.Request.ContentType;
            form = await context.Request.ReadFormAsync();
            // The request's buffers are gone once it ends: read the file while it lasts.
            using var reader = new StreamReader(form.Files.GetFile("file")!.OpenReadStream());
            fileText = await reader.ReadToEndAsync();
            context.Response.StatusCode = 204;
        }));
        using var http = new HttpClient();
        var client = new FixturesClient(http, new FixturesClientOptions { BaseAddress = host.BaseAddress });

        await client.UploadDocumentAsync(new UploadDocumentRequest
        {
            File = new FilePart(new MemoryStream(Encoding.UTF8.GetBytes("%PDF-1.7")), "report.pdf", "application/pdf"),
            Attachments = new[] { FilePart.FromBytes(new byte[] { 1, 2 }, "a.bin"), FilePart.FromBytes(new byte[] { 3 }, "b.bin") },
            Purpose = "assistants",
            Pages = 12,
            Tags = new[] { "q3", "finance" },
            Meta = new Rgb { R = 1, G = 2, B = 3 },
        });

        Assert.StartsWith("multipart/form-data; boundary=", contentType, StringComparison.Ordinal);
        var file = Assert.Single(form!.Files.GetFiles("file"));
        Assert.Equal("report.pdf", file.FileName);
        Assert.Equal("application/pdf", file.ContentType);
        Assert.Equal("%PDF-1.7", fileText);
        Assert.Equal(new[] { "a.bin", "b.bin" }, form.Files.GetFiles("attachments").Select(f => f.FileName));
        Assert.Equal("application/octet-stream", form.Files.GetFiles("attachments")[0].ContentType);
        Assert.Equal("assistants", form["purpose"]);
        Assert.Equal("12", form["pages"]);
        Assert.Equal(new[] { "q3", "finance" }, form["tags"].ToArray());
        Assert.Equal("""{"R":1,"G":2,"B":3}""", form["meta"]);
    }
}
