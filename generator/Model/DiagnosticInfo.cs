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

    /// <summary>
    /// CG0005 for a bug of ours, reported on the spec instead of failing the user's build. The first stack
    /// frame makes a bug report actionable without a debugger.
    /// </summary>
    public static DiagnosticInfo InternalError(string filePath, System.Exception exception)
    {
        var frame = exception.StackTrace?.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? string.Empty;
        var message = exception.Message.Replace("\r", " ").Replace("\n", " ").Trim();
        return Create(DiagnosticDescriptors.InternalError, LocationInfo.FileStart(filePath), exception.GetType().Name + ": " + message + " " + frame);
    }

    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(DiagnosticDescriptors.ById(Id), Location.ToLocation(), MessageArgs.Cast<object>().ToArray());
}
