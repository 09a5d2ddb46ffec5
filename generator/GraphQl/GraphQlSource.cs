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

    public LocationInfo At(ASTNode? node) =>
        node == null || (node.Location.Start == 0 && node.Location.End == 0)
            ? LocationInfo.FileStart(File.Path)
            : Locator.Offset(node.Location.Start, node.Location.End - node.Location.Start);
}
