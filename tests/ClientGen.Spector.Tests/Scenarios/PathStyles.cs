using System.Linq;

namespace ClientGen.Spector.Tests.Scenarios;

/// <summary>
/// The value inside a styled path segment as the scenario's URL spells it: label (<c>.a.b</c>), matrix
/// (<c>;param=a;param=b</c>) and simple (<c>a,b</c>) styles reduced to the comma-separated text
/// <see cref="TypedValues"/> reads as a primitive, a list or a map.
/// </summary>
public static class PathStyles
{
    public static string Unstyle(string name, string segment)
    {
        if (segment.StartsWith(';'))
        {
            // ;param=a;param=b and ;param=a,b are the values; ;a=1;b=2 (an exploded map) keeps its pairs.
            var parts = segment.Split(';').Where(p => p.Length > 0).Select(p => p.StartsWith(name + "=") ? p[(name.Length + 1)..] : p);
            return string.Join(",", parts);
        }
        if (segment.StartsWith('.')) return string.Join(",", segment.Split('.').Where(p => p.Length > 0));
        return segment;
    }
}
