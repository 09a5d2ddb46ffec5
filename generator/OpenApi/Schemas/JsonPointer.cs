namespace ClientGen.Generator.OpenApi.Schemas;

/// <summary>RFC 6901 escaping of one pointer segment: diagnostics point into the spec with these.</summary>
internal static class JsonPointer
{
    public static string Escape(string segment) => segment.Replace("~", "~0").Replace("/", "~1");
}
