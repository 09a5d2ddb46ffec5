using System.Globalization;
using System.IO;
using ClientGen.Generator;
using ClientGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace ClientGen.Cli.Generate;

/// <summary>Prints diagnostics in MSBuild's format, so editors and CI annotate the spec line.</summary>
internal static class DiagnosticPrinter
{
    public static void Print(TextWriter writer, DiagnosticInfo info)
    {
        var descriptor = DiagnosticDescriptors.ById(info.Id);
        // MSBuild's words, so editors and CI annotate the lines the same way as the compiler's.
        var severity = descriptor.DefaultSeverity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "info",
        };
        var message = string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture), [.. info.MessageArgs]);
        writer.WriteLine($"{info.Location.FilePath}({info.Location.Line + 1},{info.Location.Column + 1}): {severity} {info.Id}: {message}");
    }

    public static bool IsError(DiagnosticInfo info) => DiagnosticDescriptors.ById(info.Id).DefaultSeverity == DiagnosticSeverity.Error;
}
