using System.Linq;
using Microsoft.CodeAnalysis;

namespace ClientGen.Generator.Model;

/// <summary>
/// A diagnostic as plain data. <see cref="Diagnostic"/> objects do not compare by value and hold
/// locations, so models carry this and it is turned into a <see cref="Diagnostic"/> only when reported.
/// </summary>
public sealed record DiagnosticInfo(string Id, LocationInfo Location, EquatableArray<string> MessageArgs)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo location, params string[] args) =>
        new(descriptor.Id, location, args.ToEquatableArray());

    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(DiagnosticDescriptors.ById(Id), Location.ToLocation(), MessageArgs.Cast<object>().ToArray());
}
