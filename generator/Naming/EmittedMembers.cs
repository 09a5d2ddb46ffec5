using System.Collections.Generic;
using System.Linq;

namespace ClientGen.Generator.Naming;

/// <summary>
/// The member names the emitters give every generated type, and the scopes a spec's names are claimed in
/// beside them. Both front ends take their reserved names from here, and the emitters spell these members
/// with these constants, so a spec property called <c>ReadJson</c> or a GraphQL field called <c>equals</c>
/// is renamed instead of colliding with generated code.
/// </summary>
internal static class EmittedMembers
{
    public const string ReadJson = "ReadJson";
    public const string ReadJsonCore = "ReadJsonCore";
    public const string WriteJson = "WriteJson";
    public const string WriteJsonCore = "WriteJsonCore";
    public const string AdditionalProperties = "AdditionalProperties";
    public const string JsonConverter = "ClientGenJsonConverter";
    public const string EnumValue = "Value";
    public const string EnumIsKnown = "IsKnown";
    public const string EnumKnownValues = "KnownValues";
    public const string ClientCore = "Core";
    public const string EnvironmentsAll = "All";
    public const string OptionsMetadata = "Metadata";
    public const string OptionsClientMetadata = "ClientMetadata";
    public const string CancellationToken = "cancellationToken";
    public const string CallOptions = "callOptions";
    public const string WaitOptions = "waitOptions";

    // Every object has these; a property or method of the same name hides one or fails to compile.
    private static readonly string[] s_objectMembers = { "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals" };

    // What the compiler adds to a record.
    private static readonly string[] s_recordMembers = { "EqualityContract", "Deconstruct", "PrintMembers", "Clone" };

    /// <summary>Property names of a generated record.</summary>
    public static IEnumerable<string> OfRecord(string typeName) =>
        new[] { typeName, ReadJson, ReadJsonCore, WriteJson, WriteJsonCore, AdditionalProperties, JsonConverter }.Concat(s_objectMembers).Concat(s_recordMembers);

    /// <summary>Value names of a generated enum struct.</summary>
    public static IEnumerable<string> OfEnum(string typeName) =>
        new[] { typeName, EnumValue, EnumIsKnown, EnumKnownValues, ReadJson, WriteJson, JsonConverter }.Concat(s_objectMembers);

    /// <summary>Method names of a generated client.</summary>
    public static IEnumerable<string> OfClient(string clientName) =>
        new[] { clientName, ClientCore, "Dispose" }.Concat(s_objectMembers);

    /// <summary>Environment names in a client's environments class.</summary>
    public static IEnumerable<string> OfEnvironments(string clientName) =>
        new[] { CompanionTypes.Environments(clientName), EnvironmentsAll }.Concat(s_objectMembers);

    /// <summary>
    /// Property names of a client's options class: what it inherits from the runtime's options (a header property named
    /// <c>Environment</c> or <c>ApiKey</c> would hide it) and what it emits.
    /// </summary>
    public static IEnumerable<string> OfOptions(string clientName) =>
        new[]
        {
            CompanionTypes.Options(clientName), OptionsMetadata, OptionsClientMetadata, "Environment", "BaseAddress", "ClientCredentials", "BearerToken", "ApiKey",
            "AccessTokenProvider", "AuthenticationProvider", "DefaultHeaders", "UserAgent", "Retry", "TokenCache", "TimeProvider", "LoggerFactory", "EffectiveBaseAddress",
        }.Concat(s_objectMembers);

    /// <summary>Parameter names of a generated method.</summary>
    public static IEnumerable<string> OfParameters() => new[] { CancellationToken, CallOptions, WaitOptions };
}
