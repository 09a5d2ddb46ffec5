using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using ClientGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ClientGen.Generator.Tests;

/// <summary>
/// The generator and the runtime ship separately (same version), so a runtime rename must fail here, not in a user's build:
/// every name in the emitters' RuntimeContract, and every runtime name spelled in generated code, exists in ClientGen.Runtime.
/// </summary>
public sealed class RuntimeContractTests
{
    private static readonly Assembly Runtime = typeof(ClientGen.Runtime.ApiClientOptions).Assembly;

    [Fact]
    public void Every_type_in_the_runtime_contract_exists_in_the_runtime_assembly()
    {
        var contract = typeof(ClientGenGenerator).Assembly.GetType("ClientGen.Generator.Emit.RuntimeContract", throwOnError: true)!;
        var names = contract.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name != "AssemblyName")
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

        Assert.Equal(Runtime.GetName().Name, (string)contract.GetField("AssemblyName")!.GetRawConstantValue()!);
        Assert.True(names.Count > 15, "the contract lists the runtime types the emitters use");
        var missing = names.Where(name => FindType(name["global::".Length..]) is null).ToList();
        Assert.True(missing.Count == 0, "not in ClientGen.Runtime: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_runtime_type_and_member_named_in_generated_code_exists()
    {
        var run = new GeneratorHarness()
            .AddSpecFile(Repo.Path("specs", "zuora", "zuora-reporting.yaml"), ns: "Contract.Zuora")
            .AddSpecFile(Repo.Path("specs", "energycap", "energycap-report-distribution.yaml"), ns: "Contract.EnergyCap")
            .AddSpecFile(Repo.Path("tests", "ClientGen.Generated.Tests", "Specs", "fixtures.yaml"), ns: "Contract.Fixtures")
            .AddSpecFile(Repo.Path("specs", "zscaler-uvm", "schema.graphql"), ns: "Contract.Zscaler")
            .AddSpecFile(Repo.Path("specs", "zscaler-uvm", "operations.graphql"), ns: "Contract.Zscaler")
            .Run();
        var spelled = run.Sources.Values
            .SelectMany(text => Regex.Matches(text, @"global::ClientGen\.Runtime(?:\.[A-Za-z_]\w*)+").Select(m => m.Value["global::".Length..]))
            .ToHashSet(StringComparer.Ordinal);

        Assert.True(spelled.Count > 20, $"generated code names runtime members ({spelled.Count} found)");
        var unresolved = spelled.Where(name => !Resolves(name)).OrderBy(n => n, StringComparer.Ordinal).ToList();
        Assert.True(unresolved.Count == 0, "not in ClientGen.Runtime: " + string.Join(", ", unresolved));
    }

    [Fact]
    public void What_only_generated_code_calls_is_in_the_Generated_namespace_and_hidden_from_IntelliSense()
    {
        var plumbing = Runtime.GetExportedTypes().Where(t => t.Namespace == "ClientGen.Runtime.Generated").ToList();

        Assert.Contains(plumbing, t => t.Name == "ApiRequest");
        Assert.Contains(plumbing, t => t.Name == "JsonRuntime");
        var visible = plumbing.Where(t => t.GetCustomAttribute<System.ComponentModel.EditorBrowsableAttribute>()?.State != System.ComponentModel.EditorBrowsableState.Never).Select(t => t.Name).ToList();
        Assert.True(visible.Count == 0, "shown in IntelliSense: " + string.Join(", ", visible));
        // Spec metadata is not a setting: options expose no settable environments or schemes.
        var options = typeof(ClientGen.Runtime.ApiClientOptions);
        Assert.DoesNotContain(options.GetProperties(), p => p.Name is "KnownEnvironments" or "SecuritySchemes");
    }

    [Fact]
    public void Every_property_a_client_options_class_inherits_is_reserved_against_header_names()
    {
        var members = typeof(ClientGenGenerator).Assembly.GetType("ClientGen.Generator.Naming.EmittedMembers", throwOnError: true)!;
        var reserved = ((IEnumerable<string>)members.GetMethod("OfOptions")!.Invoke(null, new object[] { "PetsClient" })!).ToHashSet(StringComparer.Ordinal);
        var inherited = typeof(ClientGen.Runtime.ApiClientOptions)
            .GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            .Where(p => p.GetMethod is { IsPrivate: false, IsAssembly: false })
            .Select(p => p.Name);

        Assert.DoesNotContain(inherited, name => !reserved.Contains(name));
        Assert.Contains("PetsClientOptions", reserved);
    }

    /// <summary>The longest prefix that is a type (a namespace alone does not count), then at most one member of it.</summary>
    private static bool Resolves(string qualifiedName)
    {
        var parts = qualifiedName.Split('.');
        for (var length = parts.Length; length > 0; length--)
        {
            var type = FindType(string.Join(".", parts.Take(length)));
            if (type is null) continue;
            var rest = parts.Skip(length).ToList();
            return rest.Count == 0 || (rest.Count == 1 && type.GetMember(rest[0], BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance).Length > 0);
        }
        // A namespace spelled on its own (for example before a generic argument) must exist as a namespace of the runtime.
        return Runtime.GetExportedTypes().Any(t => t.Namespace == qualifiedName);
    }

    private static Type? FindType(string name) =>
        Runtime.GetType(name) ?? Enumerable.Range(1, 3).Select(arity => Runtime.GetType($"{name}`{arity}")).FirstOrDefault(t => t != null);
}
