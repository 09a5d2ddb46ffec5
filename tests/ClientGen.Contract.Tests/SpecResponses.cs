using System.Collections.Generic;
using System.Linq;
using NSwag;

namespace ClientGen.Contract.Tests;

/// <summary>Every (operationId, documented status) pair of a spec, read with NSwag, for theory data.</summary>
public static class SpecResponses
{
    public static IEnumerable<object[]> Of(params string[] specPath)
    {
        var document = OpenApiYamlDocument.FromFileAsync(PrismServer.Repo(specPath)).GetAwaiter().GetResult();
        return document.Paths
            .SelectMany(p => p.Value.Values)
            .SelectMany(o => o.Responses.Keys.Select(status => new object[] { o.OperationId, int.Parse(status, System.Globalization.CultureInfo.InvariantCulture) }))
            .OrderBy(row => (string)row[0]).ThenBy(row => (int)row[1]);
    }
}
