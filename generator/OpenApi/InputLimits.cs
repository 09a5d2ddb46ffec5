using System;
using System.Collections.Generic;
using System.IO;
using Newtonsoft.Json;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ClientGen.Generator.OpenApi;

/// <summary>
/// Reads a spec as a flat stream of tokens, before any recursive parser or tree walk sees it, and stops at the
/// first place it is nested deeper than <see cref="MaxDepth"/> or its YAML aliases would expand to more nodes than
/// <see cref="MaxExpandedNodes"/> allows. Recursion over a hostile file overflows the compiler's stack, which no
/// catch can handle, so nothing recursive may run on a file this has not passed.
/// </summary>
internal static class InputLimits
{
    /// <summary>Nested objects and arrays (after alias expansion). The deepest of ~2,900 corpus specs nests 25.</summary>
    public const int MaxDepth = 64;

    /// <summary>Nodes an alias-expanded YAML tree may have: a fixed allowance plus a multiple of the nodes written.</summary>
    public static long MaxExpandedNodes(long writtenNodes) => 100_000 + (16 * writtenNodes);

    /// <exception cref="InputLimitException">The text passes a limit.</exception>
    /// <exception cref="YamlException">The text is not valid YAML.</exception>
    public static void CheckYaml(string text)
    {
        var parser = new Parser(new StringReader(text));
        var open = new Stack<Frame>();
        var anchors = new Dictionary<string, (long Nodes, int Height)>(StringComparer.Ordinal);
        long written = 0, expanded = 0;
        while (parser.MoveNext())
        {
            var current = parser.Current!;
            switch (current)
            {
                case MappingStart or SequenceStart:
                    written++;
                    expanded++;
                    open.Push(new Frame(((NodeEvent)current).Anchor, expanded));
                    if (open.Count > MaxDepth) throw TooDeep(current.Start);
                    break;
                case MappingEnd or SequenceEnd:
                    var closed = open.Pop();
                    var height = closed.ChildHeight + 1;
                    if (!closed.Anchor.IsEmpty) anchors[closed.Anchor.Value] = (expanded - closed.ExpandedAtStart + 1, height);
                    if (open.Count > 0) open.Peek().ChildHeight = Math.Max(open.Peek().ChildHeight, height);
                    break;
                case Scalar scalar:
                    written++;
                    expanded++;
                    if (!scalar.Anchor.IsEmpty) anchors[scalar.Anchor.Value] = (1, 0);
                    break;
                case AnchorAlias alias:
                    written++;
                    var target = anchors.TryGetValue(alias.Value.Value, out var found) ? found : (Nodes: 1, Height: 0);
                    // Saturates: nine levels of ten aliases each is 10^9 nodes, and a few more overflow a long.
                    expanded = target.Nodes > long.MaxValue - expanded ? long.MaxValue : expanded + target.Nodes;
                    if (open.Count + target.Height > MaxDepth) throw TooDeep(alias.Start);
                    if (open.Count > 0) open.Peek().ChildHeight = Math.Max(open.Peek().ChildHeight, target.Height);
                    if (expanded > MaxExpandedNodes(written))
                    {
                        throw new InputLimitException(
                            $"its aliases expand to more than {MaxExpandedNodes(written):N0} nodes ({written:N0} are written); write the repeated parts out, or use $ref",
                            alias.Start.Line, alias.Start.Column);
                    }
                    break;
            }
        }
    }

    /// <exception cref="InputLimitException">The text is nested deeper than <see cref="MaxDepth"/>.</exception>
    /// <exception cref="JsonReaderException">The text is not valid JSON.</exception>
    public static void CheckJson(string text)
    {
        using var reader = new JsonTextReader(new StringReader(text)) { MaxDepth = null };
        var depth = 0;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonToken.StartObject or JsonToken.StartArray:
                    if (++depth > MaxDepth) throw TooDeepJson(reader);
                    break;
                case JsonToken.EndObject or JsonToken.EndArray:
                    depth--;
                    break;
            }
        }
    }

    private static InputLimitException TooDeep(Mark at) =>
        new($"it nests objects and arrays more than {MaxDepth} levels deep", at.Line, at.Column);

    private static InputLimitException TooDeepJson(JsonTextReader reader) =>
        new($"it nests objects and arrays more than {MaxDepth} levels deep", reader.LineNumber, reader.LinePosition);

    private sealed class Frame
    {
        public Frame(AnchorName anchor, long expandedAtStart)
        {
            Anchor = anchor;
            ExpandedAtStart = expandedAtStart;
        }

        public AnchorName Anchor { get; }

        /// <summary>The expanded node count when this collection started, itself included.</summary>
        public long ExpandedAtStart { get; }

        public int ChildHeight { get; set; }
    }
}

/// <summary>A spec passes one of <see cref="InputLimits"/>; the position is one-based, as the parsers report it.</summary>
internal sealed class InputLimitException : Exception
{
    public InputLimitException(string message, long line, long column)
        : base(message)
    {
        Line = line;
        Column = column;
    }

    public long Line { get; }

    public long Column { get; }
}
