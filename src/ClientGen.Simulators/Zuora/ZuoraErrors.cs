using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace ClientGen.Simulators.Zuora;

/// <summary>Zuora's error body: <c>{"success": false, "processId", "reasons": [{"code", "message"}]}</c>.</summary>
internal static class ZuoraErrors
{
    public static Task WriteAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new Dictionary<string, object>
        {
            ["success"] = false,
            ["processId"] = Guid.NewGuid().ToString("N")[..16].ToUpperInvariant(),
            ["message"] = message,
            ["reasons"] = new[] { new Dictionary<string, string> { ["code"] = code, ["message"] = message } },
        }, context.RequestAborted);
    }
}
