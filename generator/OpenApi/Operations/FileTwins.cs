using ClientGen.Generator.Model;
using ClientGen.Generator.Naming;

namespace ClientGen.Generator.OpenApi.Operations;

/// <summary>
/// An operation whose success comes as JSON or as bytes (one response listing <c>application/json</c> and
/// <c>image/png</c>: content negotiation) is two methods: the typed one reads the JSON, its <c>…AsFileAsync</c> twin asks
/// for the other media types and hands over what came, as a file. Same request, same descriptor, another Accept.
/// </summary>
internal static class FileTwins
{
    public static OperationModel Of(OperationModel operation, NameScope methodNames)
    {
        var baseName = operation.MethodName.Substring(0, operation.MethodName.Length - "Async".Length);
        var files = operation.Success.FileAccept;
        var success = new ResponseModel(operation.Success.StatusCode, ResponseKind.Stream, TypeRef.Of(TypeRefKind.Stream), files[0], operation.Success.Description)
        {
            Accept = files,
        };
        return operation with { MethodName = methodNames.Claim(baseName + "AsFileAsync"), Success = success };
    }
}
