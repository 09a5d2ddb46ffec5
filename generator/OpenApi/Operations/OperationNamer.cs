using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ClientGen.Generator.Naming;
using NSwag;

namespace ClientGen.Generator.OpenApi.Operations;

/// <summary>
/// Names each operation's method: its operationId, tag + operationId when tags tell apart a reused id (CG1005), or
/// the method and path when there is no id; claimed in the client's method scope so no two collide.
/// </summary>
internal sealed class OperationNamer
{
    private readonly DiagnosticSink _diagnostics;
    private readonly NameScope _methodNames;

    public OperationNamer(DiagnosticSink diagnostics, NameScope methodNames)
    {
        _diagnostics = diagnostics;
        _methodNames = methodNames;
    }

    /// <summary>
    /// Specs that group operations by tag sometimes reuse an operationId across tags (Kubernetes' getAPIResources
    /// under every API group). When the first tags tell the operations apart, each is named tag + operationId,
    /// so no name depends on the order of the paths; otherwise the reuse stays an error (CG0004).
    /// </summary>
    public Dictionary<OpenApiOperation, string> NamesForSharedOperationIds(List<(OpenApiOperation Operation, string Pointer)> all)
    {
        var names = new Dictionary<OpenApiOperation, string>();
        foreach (var group in all.Where(o => !string.IsNullOrEmpty(o.Operation.OperationId)).GroupBy(o => o.Operation.OperationId, StringComparer.Ordinal))
        {
            var members = group.ToList();
            if (members.Count < 2) continue;
            var tags = members.Select(m => m.Operation.Tags?.FirstOrDefault()).ToList();
            if (tags.Any(string.IsNullOrEmpty) || tags.Distinct(StringComparer.OrdinalIgnoreCase).Count() != tags.Count) continue;
            foreach (var (member, tag) in members.Zip(tags, (m, t) => (m, t!)))
            {
                names[member.Operation] = Identifier.Pascal(tag, "Tag") + Identifier.Pascal(group.Key, "Operation");
            }
            _diagnostics.Warn(DiagnosticDescriptors.OperationNamedByTag, members[1].Pointer + "/operationId",
                group.Key, members.Count.ToString(CultureInfo.InvariantCulture),
                string.Join(", ", members.Select(m => names[m.Operation] + "Async").Take(4)) + (members.Count > 4 ? ", …" : string.Empty));
        }
        return names;
    }

    /// <summary>The method's name (ending in Async) and the base name its wire id falls back to.</summary>
    public (string MethodName, string BaseName) Name(string method, string path, OpenApiOperation operation, string? name)
    {
        var baseName = name ?? (string.IsNullOrEmpty(operation.OperationId) ? DeriveName(method, path) : Identifier.Pascal(operation.OperationId, "Operation"));
        return (_methodNames.Claim(baseName + "Async"), baseName);
    }

    private static string DeriveName(string method, string path)
    {
        var name = Identifier.Pascal(method);
        foreach (var segment in path.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries))
        {
            name += segment.StartsWith("{", StringComparison.Ordinal) ? "By" + Identifier.Pascal(segment.Trim('{', '}')) : Identifier.Pascal(segment, string.Empty);
        }
        return name;
    }
}
