using System;
using System.IO;
using System.IO.Compression;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace ClientGen.Simulators.Zuora;

/// <summary>
/// Zuora's gzip in both directions: a request sent with <c>Content-Encoding: gzip</c> is inflated before it is
/// read; a response over the threshold is gzipped (with <c>Content-Encoding: gzip</c>) when the client sent
/// <c>Accept-Encoding: gzip</c>.
/// </summary>
internal static class ZuoraCompression
{
    public static async Task ApplyAsync(HttpContext context, int threshold, Func<Task> next)
    {
        var request = context.Request;
        if (request.Headers.ContentEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase))
        {
            var inflated = new MemoryStream();
            await using (var gzip = new GZipStream(request.Body, CompressionMode.Decompress, leaveOpen: true))
            {
                try
                {
                    await gzip.CopyToAsync(inflated, context.RequestAborted).ConfigureAwait(false);
                }
                catch (InvalidDataException)
                {
                    await ZuoraErrors.WriteAsync(context, 400, "INVALID_VALUE", "The request says Content-Encoding: gzip but its body is not gzip data.").ConfigureAwait(false);
                    return;
                }
            }
            inflated.Position = 0;
            request.Body = inflated;
            request.Headers.ContentEncoding = default;
            request.ContentLength = inflated.Length;
        }

        if (!request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase))
        {
            await next().ConfigureAwait(false);
            return;
        }
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next().ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = original;
        }
        buffer.Position = 0;
        if (buffer.Length > threshold)
        {
            context.Response.Headers.ContentEncoding = "gzip";
            context.Response.ContentLength = null;
            await using var gzip = new GZipStream(original, CompressionLevel.Fastest, leaveOpen: true);
            await buffer.CopyToAsync(gzip, context.RequestAborted).ConfigureAwait(false);
        }
        else
        {
            await buffer.CopyToAsync(original, context.RequestAborted).ConfigureAwait(false);
        }
    }
}
