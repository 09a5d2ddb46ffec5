using Newtonsoft.Json.Linq;

namespace ClientGen.Generator.OpenApi;

/// <summary>Values in our <c>x-clientgen-…</c> declarations (waiters, pagination), read the same way everywhere.</summary>
internal static class Declarations
{
    /// <summary>The string at <paramref name="name"/>, or null when it is absent or not a string.</summary>
    public static string? Text(JObject body, string name) => body[name]?.Type == JTokenType.String ? body[name]!.Value<string>() : null;
}
