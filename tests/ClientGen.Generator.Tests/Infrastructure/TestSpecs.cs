namespace ClientGen.Generator.Tests.Infrastructure;

/// <summary>Specs several test classes put beside the one under test.</summary>
internal static class TestSpecs
{
    /// <summary>A spec that always generates: proof that a broken spec beside it does not stop the others.</summary>
    public const string Good = """
        openapi: 3.0.3
        info: { title: Good, version: "1" }
        paths:
          /ping:
            get:
              operationId: ping
              responses:
                '204': { description: ok }
        """;
}
