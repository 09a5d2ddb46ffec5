using ClientGen.Generator.Common;
using ClientGen.Generator.Model;
using GraphQLParser.AST;

namespace ClientGen.Generator.GraphQl;

/// <summary>One parsed GraphQL file, with what is needed to locate diagnostics in it.</summary>
internal sealed class GraphQlSource
{
    public GraphQlSource(SpecFile file, GraphQLDocument document)
    {
        File = file;
        Document = document;
        Locator = new SpecLocator(file.Path, file.Text);
    }

    public SpecFile File { get; }

    public GraphQLDocument Document { get; }

    public SpecLocator Locator { get; }

    /// <summary>True when <see cref="File"/>'s text was written by us (the SDL of an introspection result): its offsets are not the user's.</summary>
    public bool IsSynthesized { get; init; }

    public LocationInfo At(ASTNode? node) =>
        IsSynthesized || node == null || (node.Location.Start == 0 && node.Location.End == 0)
            ? LocationInfo.FileStart(File.Path)
            : Locator.Offset(node.Location.Start, node.Location.End - node.Location.Start);
}
