using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ClientGen.Generator.Tests.Infrastructure;

/// <summary>Checks that a generator is really incremental (the NetEscapades and STJ test harnesses do the same).</summary>
internal static class IncrementalAssert
{
    public static void AllTrackedStepsCachedOrUnchanged(GeneratorRunResult result)
    {
        var tracked = TrackingNames.All.Where(result.TrackedSteps.ContainsKey).ToList();
        Assert.NotEmpty(tracked);
        foreach (var name in tracked)
        {
            foreach (var step in result.TrackedSteps[name])
            {
                foreach (var output in step.Outputs)
                {
                    Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                        $"Step '{name}' was {output.Reason} after an unrelated edit.");
                }
            }
        }
    }

    /// <summary>Walks the object graph of a step's output and fails on anything that would pin a compilation or defeat caching.</summary>
    public static void HoldsNoForbiddenTypes(object? value, string step)
    {
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        Visit(value, step, visited);
    }

    private static void Visit(object? value, string path, HashSet<object> visited)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum) return;
        if (!value.GetType().IsValueType && !visited.Add(value)) return;
        var type = value.GetType();
        Assert.False(value is ISymbol || value is SyntaxNode || value is Compilation || value is AdditionalText || value is Location || value is Diagnostic
            || (type.Namespace ?? string.Empty).StartsWith("NJsonSchema", StringComparison.Ordinal) || (type.Namespace ?? string.Empty).StartsWith("NSwag", StringComparison.Ordinal),
            $"{path} holds a {type.FullName}");
        if (value is IEnumerable enumerable)
        {
            var index = 0;
            foreach (var item in enumerable) Visit(item, $"{path}[{index++}]", visited);
            return;
        }
        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            Visit(field.GetValue(value), $"{path}.{field.Name}", visited);
        }
    }
}
