using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ClientGen.Generator.Model;

/// <summary>A diagnostic's place in a spec file, kept as plain values so it can live in a cached model.</summary>
public sealed record LocationInfo(string FilePath, int Line, int Column, int EndLine, int EndColumn)
{
    /// <summary>Line and column are zero-based, as Roslyn's <see cref="LinePosition"/>.</summary>
    public static LocationInfo At(string filePath, int line, int column) => new(filePath, line, column, line, column + 1);

    public static LocationInfo FileStart(string filePath) => new(filePath, 0, 0, 0, 0);

    public Location ToLocation() =>
        Location.Create(FilePath, default, new LinePositionSpan(new LinePosition(Line, Column), new LinePosition(EndLine, EndColumn)));
}
