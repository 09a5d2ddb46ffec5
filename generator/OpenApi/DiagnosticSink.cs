using System.Collections.Generic;
using ClientGen.Generator.Common;
using ClientGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace ClientGen.Generator.OpenApi;

/// <summary>Collects diagnostics for one spec, locating JSON pointers in its text.</summary>
internal sealed class DiagnosticSink
{
    private readonly SpecLocator _locator;

    public DiagnosticSink(SpecLocator locator) => _locator = locator;

    public List<DiagnosticInfo> Items { get; } = new();

    public SpecLocator Locator => _locator;

    public void Warn(DiagnosticDescriptor descriptor, string pointer, params string[] args) =>
        Items.Add(DiagnosticInfo.Create(descriptor, _locator.Pointer(pointer), args));

    public void Report(DiagnosticDescriptor descriptor, LocationInfo location, params string[] args) =>
        Items.Add(DiagnosticInfo.Create(descriptor, location, args));
}
