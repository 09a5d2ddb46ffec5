using System;
using System.Net.Http;
using ClientGen.Runtime;
using ClientGen.Spector.Tests.Scenarios;
using Spector.Payload.Multipart;
using Xunit;
using Task = System.Threading.Tasks.Task;

namespace ClientGen.Spector.Tests;

/// <summary>
/// Spector's multipart file scenarios whose files exist only in the mock's handler (it checks the field name, the
/// file name, the media type and the bytes of Spector's own image.png): the parts are built as a user builds them.
/// </summary>
[Collection(SpectorCollection.Name)]
public sealed class MultipartFileTests(SpectorServer server) : IDisposable
{
    private readonly HttpClient _http = new();

    private TitleClient Client => new(_http, new TitleClientOptions { BaseAddress = server.BaseAddress });

    [Fact]
    public async Task Payload_MultiPart_FormData_File_uploadFileSpecificContentType_sends_the_file_as_image_png()
    {
        await ScenarioOutcomes.RunAsync("Payload_MultiPart_FormData_File_uploadFileSpecificContentType", () => Client.FileUploadFileSpecificContentTypeAsync(new FileUploadFileSpecificContentTypeRequest { File = FilePart.FromBytes(SpectorServer.Png, "image.png", "image/png") }));
    }

    [Fact]
    public async Task Payload_MultiPart_FormData_File_uploadFileRequiredFilename_sends_the_file_name()
    {
        await ScenarioOutcomes.RunAsync("Payload_MultiPart_FormData_File_uploadFileRequiredFilename", () => Client.FileUploadFileRequiredFilenameAsync(new FileUploadFileRequiredFilenameRequest { File = FilePart.FromBytes(SpectorServer.Png, "image.png", "image/png") }));
    }

    [Fact]
    public async Task Payload_MultiPart_FormData_File_uploadFileArray_sends_one_part_per_file()
    {
        await ScenarioOutcomes.RunAsync("Payload_MultiPart_FormData_File_uploadFileArray", () => Client.FileUploadFileArrayAsync(new FileUploadFileArrayRequest
        {
            Files = [FilePart.FromBytes(SpectorServer.Png, "image1.png", "image/png"), FilePart.FromBytes(SpectorServer.Png, "image2.png", "image/png")],
        }));
    }

    public void Dispose() => _http.Dispose();
}
