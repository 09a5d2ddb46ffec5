using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using ClientGen.Runtime;
using ClientGen.Runtime.Http;
using Xunit;

namespace ClientGen.Contract.Tests;

/// <summary>
/// The contract every vendor client keeps against Prism serving its spec: each operation × documented status sends a
/// request Prism validates and reads the documented example (success typed, errors as typed exceptions). A vendor's
/// class says only how to call each operation and how to authenticate; it must also expose <c>Responses</c>
/// (<see cref="SpecResponses.Of"/>) for the theory.
/// </summary>
public abstract class VendorContractTests<TClient, TOptions, TError>
    where TOptions : ApiClientOptions
{
    protected VendorContractTests(PrismServer prism) => Prism = prism;

    protected PrismServer Prism { get; }

    /// <summary>One call per operationId, with every kind of parameter the operation takes.</summary>
    protected abstract IReadOnlyDictionary<string, Func<TClient, Task<object?>>> Calls { get; }

    /// <summary>Options with the vendor's credentials; base address, retries and the Prefer header are set here.</summary>
    protected abstract TOptions NewOptions();

    protected abstract TClient NewClient(HttpClient http, TOptions options);

    /// <summary>A client whose every request and response passes through a recorder of Prism's violations.</summary>
    protected (TClient Client, ViolationRecorder Violations) Client(int? preferStatus = null)
    {
        var options = NewOptions();
        options.BaseAddress = Prism.BaseAddress;
        options.Retry = new RetryOptions { MaxRetries = 0 };
        if (preferStatus is { } status) options.DefaultHeaders["Prefer"] = $"code={status}";
        var recorder = new ViolationRecorder { InnerHandler = ApiPipeline.CreateHandler(options) };
        return (NewClient(new HttpClient(recorder), options), recorder);
    }

    [Theory]
#pragma warning disable xUnit1015 // xUnit resolves the member on the class being run: each vendor's class declares Responses.
    [MemberData("Responses")]
#pragma warning restore xUnit1015
    public async Task Every_operation_sends_a_valid_request_and_reads_each_documented_response(string operationId, int status)
    {
        Assert.True(Calls.TryGetValue(operationId, out var call), $"The spec has an operation '{operationId}' with no contract call: add one.");
        var (client, recorder) = Client(status);

        await ContractAssert.RespondsAsDocumentedAsync<TError>(status, () => call(client), recorder);
    }
}
