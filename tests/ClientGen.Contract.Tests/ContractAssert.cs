using System;
using System.Threading.Tasks;
using ClientGen.Runtime;
using Xunit;

namespace ClientGen.Contract.Tests;

/// <summary>The contract every operation keeps with Prism, whatever the spec.</summary>
public static class ContractAssert
{
    /// <summary>
    /// The call's request passed Prism's validation, and the documented <paramref name="status"/> Prism answered
    /// with was read: a success as a typed result, an error as <see cref="ApiException{TError}"/> with the body parsed.
    /// </summary>
    public static async Task RespondsAsDocumentedAsync<TError>(int status, Func<Task<object?>> call, ViolationRecorder recorder)
    {
        if (status < 300)
        {
            Assert.NotNull(await call());
        }
        else
        {
            var error = await Assert.ThrowsAnyAsync<ApiException>(call);
            Assert.Equal(status, error.StatusCode);
            // An idempotency conflict has its own exception, carrying the key.
            if (error is not IdempotencyException) Assert.IsType<ApiException<TError>>(error);
        }
        Assert.Empty(recorder.Violations);
    }
}
