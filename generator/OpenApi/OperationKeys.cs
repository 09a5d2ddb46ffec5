using System;
using System.Collections.Generic;

namespace ClientGen.Generator.OpenApi;

/// <summary>The keys of a path item that are operations, in the order operations are generated.</summary>
internal static class OperationKeys
{
    public static readonly string[] Order = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    private static readonly HashSet<string> s_keys = new(Order, StringComparer.OrdinalIgnoreCase);

    public static bool IsOperation(string key) => s_keys.Contains(key);
}
