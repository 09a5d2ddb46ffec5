using ClientGen.Generator.Model;

namespace ClientGen.Generator.Emit;

/// <summary>
/// Every ClientGen.Runtime type the emitted code names, spelled once. Members are named where they are called; a
/// contract test reflects over the runtime assembly for each constant here and for every runtime name in generated
/// code, so renaming a runtime member fails our tests instead of every user's build.
/// </summary>
internal static class RuntimeContract
{
    /// <summary>The runtime's assembly name, which the generator also looks for in the compilation (CG0006/CG0007).</summary>
    public const string AssemblyName = "ClientGen.Runtime";

    private const string Root = "global::" + AssemblyName;

    // What only generated code calls: hidden from IntelliSense, apart from what users write against.
    private const string Generated = Root + ".Generated";

    public const string ApiClientCore = Generated + ".ApiClientCore";
    public const string ApiClientMetadata = Generated + ".ApiClientMetadata";
    public const string ApiClientOptions = Root + ".ApiClientOptions";
    public const string ApiClientServiceCollectionExtensions = Root + ".ApiClientServiceCollectionExtensions";
    public const string ApiEnvironment = Root + ".ApiEnvironment";
    public const string ApiException = Root + ".ApiException";
    public const string ApiFile = Root + ".ApiFile";
    public const string ApiOperation = Root + ".ApiOperation";
    public const string ApiPipeline = Root + ".ApiPipeline";
    public const string ApiCall = Root + ".ApiCall";
    public const string ApiCallOptions = Root + ".ApiCallOptions";
    /// <summary>Generic: <c>ApiResult&lt;T&gt;</c>.</summary>
    public const string ApiResult = Root + ".ApiResult";
    public const string ApiResponseInfo = Root + ".ApiResponseInfo";
    public const string ApiRequest = Generated + ".ApiRequest";
    public const string ApiSecurityScheme = Generated + ".ApiSecurityScheme";
    public const string ApiSecuritySchemeKind = Generated + ".ApiSecuritySchemeKind";
    public const string FilePart = Root + ".FilePart";
    public const string FormField = Generated + ".FormField";
    public const string MultipartBody = Generated + ".MultipartBody";
    public const string GraphQlResponse = Root + ".GraphQl.GraphQlResponse";
    public const string GraphQlTransport = Generated + ".GraphQlTransport";
    public const string JsonRuntime = Generated + ".JsonRuntime";
    public const string JsonTypeInfos = Generated + ".JsonTypeInfos";
    public const string JsonUnion = Generated + ".JsonUnion";
    /// <summary>Generic: <c>Optional&lt;T&gt;</c>.</summary>
    public const string Optional = Root + ".Optional";
    public const string IdOr = Root + ".IdOr";
    public const string Pager = Generated + ".Pager";
    public const string PresignedDownload = Generated + ".PresignedDownload";
    public const string ParameterFormatter = Generated + ".ParameterFormatter";

    public const string WireEncodings = Generated + ".WireEncodings";
    public const string OperationHandle = Root + ".Polling.OperationHandle";
    public const string WaitOptions = Root + ".Polling.WaitOptions";
    public const string Waiter = Root + ".Polling.Waiter";
    public const string WaiterDefinition = Generated + ".WaiterDefinition";
    public const string WaiterCalls = Generated + ".WaiterCalls";
    public const string WaiterStatus = Root + ".Polling.WaiterStatus";

    /// <summary>The style names ApiRequest's Add*Values/Add*Map understand (lower case, as ApiRequest compares them).</summary>
    public static string StyleName(ParameterStyle style) => style switch
    {
        ParameterStyle.SpaceDelimited => "spacedelimited",
        ParameterStyle.PipeDelimited => "pipedelimited",
        ParameterStyle.DeepObject => "deepobject",
        ParameterStyle.Simple => "simple",
        ParameterStyle.Label => "label",
        ParameterStyle.Matrix => "matrix",
        ParameterStyle.TabDelimited => "tabdelimited",
        _ => "form",
    };
}
