using System;
using System.IO;

namespace ClientGen.Runtime;

/// <summary>
/// A file sent as one part of a <c>multipart/form-data</c> body (a property the spec types <c>format: binary</c>): its
/// content, the file name servers often read the format from (<c>speech.mp3</c>), and its media type. The content is
/// streamed into the request, not copied first, and is disposed with the request.
/// </summary>
public sealed class FilePart
{
    /// <summary>A file from a stream.</summary>
    /// <param name="content">Read from its current position when the request is sent.</param>
    /// <param name="fileName">The part's <c>filename</c>.</param>
    /// <param name="contentType">The part's media type; <c>application/octet-stream</c> when null.</param>
    public FilePart(Stream content, string fileName, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        Content = content;
        FileName = fileName;
        ContentType = contentType;
    }

    /// <summary>The file's bytes.</summary>
    public Stream Content { get; }

    /// <summary>The part's <c>filename</c>.</summary>
    public string FileName { get; }

    /// <summary>The part's media type, or null for <c>application/octet-stream</c>.</summary>
    public string? ContentType { get; }

    /// <summary>A file on disk, opened for reading when this is created and named by its file name.</summary>
    public static FilePart FromFile(string path, string? contentType = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new FilePart(File.OpenRead(path), Path.GetFileName(path), contentType);
    }

    /// <summary>A file held in memory.</summary>
    public static FilePart FromBytes(byte[] content, string fileName, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new FilePart(new MemoryStream(content, writable: false), fileName, contentType);
    }

    /// <summary>The file name.</summary>
    public override string ToString() => FileName;
}
