using System;
using System.Collections.Generic;
using System.IO;
using ClientGen.Generator.Model;
using YamlDotNet.RepresentationModel;

namespace ClientGen.Generator.Common;

/// <summary>
/// Finds where a JSON pointer, or a piece of text, sits in a spec file. NSwag's object model carries
/// no line information, so diagnostics look their place up here, in a YAML node tree: the one the loader
/// already parsed for a YAML spec (<see cref="Use"/>), else (JSON is YAML) one parsed on the first
/// diagnostic that needs it.
/// </summary>
public sealed class SpecLocator
{
    private readonly string _path;
    private readonly string _text;
    private YamlNode? _root;
    private bool _parsed;

    public SpecLocator(string path, string text)
    {
        _path = path;
        _text = text;
    }

    /// <summary>The document as the loader parsed it: its nodes carry the lines and columns, so the text is not parsed again.</summary>
    public void Use(YamlNode root)
    {
        _root = root;
        _parsed = true;
    }

    /// <summary>The location of the node at <paramref name="pointer"/> (for example <c>/paths/~1pets/get</c>), or of its nearest existing ancestor.</summary>
    public LocationInfo Pointer(string pointer)
    {
        var current = Root();
        if (current == null) return LocationInfo.FileStart(_path);
        // Point at the key of the deepest entry found: that is where a reader looks for "paths./pets.get".
        YamlNode located = current;
        foreach (var segment in Segments(pointer))
        {
            YamlNode? next = null;
            if (current is YamlMappingNode map)
            {
                foreach (var entry in map.Children)
                {
                    if (entry.Key is YamlScalarNode key && key.Value == segment)
                    {
                        next = entry.Value;
                        located = entry.Key;
                        break;
                    }
                }
            }
            else if (current is YamlSequenceNode seq && int.TryParse(segment, out var index) && index >= 0 && index < seq.Children.Count)
            {
                next = seq.Children[index];
                located = next;
            }
            if (next == null) break;
            current = next;
        }
        return ToLocation(located);
    }

    /// <summary>The location of the first occurrence of <paramref name="needle"/> in the text, or the file start.</summary>
    public LocationInfo Text(string needle, int startIndex = 0)
    {
        var index = needle.Length == 0 ? -1 : _text.IndexOf(needle, Math.Min(startIndex, _text.Length), StringComparison.Ordinal);
        if (index < 0) return LocationInfo.FileStart(_path);
        return Offset(index, needle.Length);
    }

    public LocationInfo Offset(int index, int length)
    {
        int line = 0, lineStart = 0;
        for (var i = 0; i < index && i < _text.Length; i++)
        {
            if (_text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        var column = index - lineStart;
        return new LocationInfo(_path, line, column, line, column + Math.Max(1, length));
    }

    /// <summary>Converts a one-based line and column (as YAML and JSON parsers report them) to a location.</summary>
    public LocationInfo LineColumn(long line, long column) =>
        LocationInfo.At(_path, (int)Math.Max(0, line - 1), (int)Math.Max(0, column - 1));

    private LocationInfo ToLocation(YamlNode node) => LineColumn(node.Start.Line, node.Start.Column);

    private YamlNode? Root()
    {
        if (_parsed) return _root;
        _parsed = true;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(_text));
            _root = stream.Documents.Count > 0 ? stream.Documents[0].RootNode : null;
        }
        catch (Exception)
        {
            _root = null; // The caller already reports why the file does not parse.
        }
        return _root;
    }

    private static IEnumerable<string> Segments(string pointer)
    {
        var hash = pointer.IndexOf('#');
        if (hash >= 0) pointer = pointer.Substring(hash + 1);
        foreach (var raw in pointer.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries))
        {
            yield return Uri.UnescapeDataString(raw).Replace("~1", "/").Replace("~0", "~");
        }
    }
}
