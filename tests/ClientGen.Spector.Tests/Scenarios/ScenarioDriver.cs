using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ClientGen.Runtime;
using Xunit.Sdk;

namespace ClientGen.Spector.Tests.Scenarios;

/// <summary>
/// Calls a scenario as its mockapi expects, through the generated method: every argument a typed value built from the
/// scenario's wire values (<see cref="TypedValues"/>), every answer checked against what the mock sent
/// (<see cref="JsonSameness"/>). The mock rejects a request that does not match, which the client throws.
/// </summary>
/// <param name="configure">Sets what a user sets on the client's options (credentials); when given, the scenario's
/// headers are not forwarded, so a credential reaches the server only through the client's own authentication.</param>
public sealed class ScenarioDriver(Uri baseAddress, HttpClient http, Action<ApiClientOptions>? configure = null)
{
    private static readonly TimeSpan s_deadline = TimeSpan.FromSeconds(20);

    public async Task RunAsync(SpectorScenario scenario)
    {
        // A call the mock answers with an error (a wrong Accept) probes first: the scenario's verdict is its last answer.
        foreach (var call in scenario.Apis.OrderBy(c => c.Status >= 400 ? 0 : 1)) await CallAsync(scenario, call);
    }

    public async Task<object?> CallAsync(SpectorScenario scenario, ScenarioCall call, Func<GeneratedOperation, bool>? prefer = null)
    {
        var operation = GeneratedOperations.For(scenario.Area, call, prefer)
            ?? throw new XunitException($"No generated operation of {GeneratedOperations.NamespaceOf(scenario.Area)} answers {call.Method} {call.Uri}.");
        var json = GeneratedOperations.JsonFor(operation.Namespace);
        var values = new TypedValues(json);
        var client = CreateClient(operation.Client, GeneratedOperations.ServerPath(operation, call.Uri));
        using var deadline = new CancellationTokenSource(s_deadline);
        var arguments = new ArgumentBuilder(values, operation, call, Expand, forwardHeaders: configure is null).Build(deadline.Token);
        object? result;
        try
        {
            var task = (Task)operation.Method.Invoke(client, arguments)!;
            await task;
            result = operation.Method.ReturnType.IsGenericType ? task.GetType().GetProperty("Result")!.GetValue(task) : null;
        }
        catch (ApiException e) when (call.Status >= 400 && e.StatusCode == call.Status)
        {
            return e; // the mock answers this call with an error status: the client must surface it as an ApiException
        }
        catch (ApiException e)
        {
            throw new XunitException($"{operation.Descriptor.OperationId} ({call.Method} {call.Uri}): the mock answered {e.StatusCode}: {e.ResponseBody}{Environment.NewLine}{e.InnerException?.Message}");
        }
        if (call.Status >= 400) throw new XunitException($"{operation.Descriptor.OperationId}: the mock answered {call.Status}, which the client did not throw.");
        if (result is not null) await CheckReadAsync(call, operation, result, json);
        return result;
    }

    // The mock names itself "localhost" in the links it writes (it listens on 127.0.0.1 only).
    public string Expand(string text) => text.Replace("{baseUrl}", $"http://localhost:{baseAddress.Port}", StringComparison.Ordinal);

    // A server URL with variables ({endpoint}/server/path/multiple/{apiVersion}) is given as the base address a user
    // would write: the mock's address and the path the scenario fills the variables with.
    private object CreateClient(Type clientType, string serverPath)
    {
        var constructor = clientType.GetConstructors().First(c => c.GetParameters() is [{ ParameterType: var h }, _] && h == typeof(HttpClient));
        var optionsType = constructor.GetParameters()[1].ParameterType;
        var options = Activator.CreateInstance(optionsType)!;
        optionsType.GetProperty(nameof(ApiClientOptions.BaseAddress))!.SetValue(options, new Uri(baseAddress, serverPath));
        configure?.Invoke((ApiClientOptions)options);
        return constructor.Invoke([http, options]);
    }

    private async Task CheckReadAsync(ScenarioCall call, GeneratedOperation operation, object result, JsonSerializerOptions json)
    {
        var body = call.ResponseBody;
        if (body is null) return;
        var bytes = result switch
        {
            byte[] b => b,
            Stream s => ReadAll(s),
            FilePart f => ReadAll(f.Content),
            ApiFile file => ReadAll(await file.OpenReadAsync()),
            _ => null,
        };
        if (bytes is not null && !(body.IsJson && result is byte[]))
        {
            var expected = body.Bytes ?? Encoding.UTF8.GetBytes(Expand(body.Text ?? ""));
            if (!expected.AsSpan().SequenceEqual(bytes)) throw new XunitException($"{operation.Descriptor.OperationId}: read {bytes.Length} bytes, not the {expected.Length} the mock sent.");
            return;
        }
        if (!body.IsJson) return;
        using var expectedJson = JsonDocument.Parse(Expand(body.Text!));
        // Written as the method's declared type: a union variant is written with its discriminator, as it was read.
        var declared = operation.Method.ReturnType.GetGenericArguments()[0];
        using var readJson = JsonDocument.Parse(JsonSerializer.Serialize(result, declared, json));
        var differences = JsonSameness.Differences(expectedJson.RootElement, readJson.RootElement);
        if (differences.Count > 0) throw new XunitException($"{operation.Descriptor.OperationId} read what the mock did not send:{Environment.NewLine}{string.Join(Environment.NewLine, differences)}");
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
