using System;
using System.Text;

namespace ClientGen.Generator.Emit;

/// <summary>An indenting writer over a <see cref="StringBuilder"/>; far cheaper than SyntaxFactory + NormalizeWhitespace.</summary>
public sealed class SourceWriter
{
    private readonly StringBuilder _sb = new();
    private int _indent;

    public SourceWriter Line(string text = "")
    {
        if (text.Length == 0)
        {
            _sb.Append('\n');
            return this;
        }
        // Multi-line text (raw string literals in the emitters) is indented line by line.
        var lines = text.Replace("\r\n", "\n").Split('\n');
        foreach (var line in lines)
        {
            if (line.Length > 0) _sb.Append(' ', _indent * 4).Append(line);
            _sb.Append('\n');
        }
        return this;
    }

    public SourceWriter Open(string text)
    {
        Line(text);
        Line("{");
        _indent++;
        return this;
    }

    public SourceWriter Close(string suffix = "")
    {
        _indent--;
        return Line("}" + suffix);
    }

    public IDisposable Block(string text)
    {
        Open(text);
        return new Closer(this);
    }

    public override string ToString() => _sb.ToString();

    private sealed class Closer : IDisposable
    {
        private readonly SourceWriter _writer;

        public Closer(SourceWriter writer) => _writer = writer;

        public void Dispose() => _writer.Close();
    }
}
