using System.Collections.Generic;

namespace ClientGen.Generator.Naming;

/// <summary>
/// The types every client gets beside it, named from the client. Both front ends reserve all of them before naming
/// the spec's own types, so a schema called, say, <c>InventoryClientOptions</c> is renamed instead of colliding.
/// </summary>
internal static class CompanionTypes
{
    public static string Interface(string clientName) => "I" + clientName;

    public static string Options(string clientName) => clientName + "Options";

    public static string Environments(string clientName) => clientName + "Environments";

    public static string ServiceRegistration(string clientName) => clientName + "ServiceCollectionExtensions";

    public static string JsonResolver(string clientName) => clientName + "JsonResolver";

    public static string ResponseMethods(string clientName) => clientName + "Responses";

    public static IEnumerable<string> ReservedTypeNames(string clientName) => new[]
    {
        clientName,
        Interface(clientName),
        Options(clientName),
        Environments(clientName),
        ServiceRegistration(clientName),
        JsonResolver(clientName),
        ResponseMethods(clientName),
        // A type named System or Global would shadow the namespaces the generated code spells out.
        "System",
        "Global",
    };
}
