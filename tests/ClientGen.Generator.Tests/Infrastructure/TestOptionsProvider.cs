using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClientGen.Generator.Tests.Infrastructure;

/// <summary>Global MSBuild properties and per-AdditionalFiles metadata, as the SDK would pass them.</summary>
internal sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly Dictionary<string, Dictionary<string, string>> _perFile;

    public TestOptionsProvider(Dictionary<string, string> global, Dictionary<string, Dictionary<string, string>> perFile)
    {
        GlobalOptions = new Options(global);
        _perFile = perFile;
    }

    public override AnalyzerConfigOptions GlobalOptions { get; }

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(new());

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        new Options(_perFile.TryGetValue(textFile.Path, out var values) ? values : new());

    private sealed class Options : AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> _values;

        public Options(Dictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
    }
}
