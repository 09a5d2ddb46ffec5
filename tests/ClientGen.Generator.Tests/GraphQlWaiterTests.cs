using System.Linq;
using ClientGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ClientGen.Generator.Tests;

/// <summary>@clientgen_waiter and @clientgen_download on a schema: the waits and downloads a GraphQL client gets, or a located CG1004.</summary>
public sealed class GraphQlWaiterTests
{
    private const string Operations = """
        query job($jobId: String!) { job(id: $jobId) { id state file } }
        mutation startJob($kind: String!) { startJob(kind: $kind) { id } }
        """;

    private static string Schema(string declarations) => $$"""
        schema {{declarations}} { query: Query mutation: Mutation }
        type Query { job(id: String!): Job }
        type Mutation { startJob(kind: String!): Job }
        type Job { id: String, state: String, file: String }
        """;

    private const string Waiter = """
        @clientgen_waiter(name: "JobDone", status: "job", statusPath: "job.state", success: ["DONE"], failure: ["FAILED"], pending: ["RUNNING"],
          idVariable: "jobId", start: "startJob", startIdPath: "startJob.id", minDelay: 1, maxDelay: 5, timeout: 60)
        """;

    [Fact]
    public void A_declared_waiter_and_download_generate_wait_resume_start_and_download_methods_that_compile()
    {
        var run = new GeneratorHarness()
            .AddSpec("/gql/jobs/schema.graphql", Schema(Waiter + """ @clientgen_download(name: "JobFile", waiter: "JobDone", linkPath: "job.file")"""))
            .AddSpec("/gql/jobs/operations.graphql", Operations)
            .Run();
        var contract = run.Sources["TestApp.IJobsClient.g.cs"];

        Assert.Contains("WaitForJobDoneAsync(string jobId, global::ClientGen.Runtime.Polling.WaitOptions? options = null", contract);
        Assert.Contains("CreateJobDoneHandle(string jobId)", contract);
        Assert.Contains("ResumeJobDoneAsync(global::ClientGen.Runtime.Polling.OperationHandle handle", contract);
        Assert.Contains("StartJobAndWaitAsync(string kind, global::ClientGen.Runtime.ApiCallOptions? callOptions = null, global::ClientGen.Runtime.Polling.WaitOptions? waitOptions = null", contract);
        Assert.Contains("DownloadJobFileAsync(string jobId, global::System.IO.Stream destination", contract);
        Assert.Contains("DownloadJobFileToFileAsync(string jobId, string path", contract);
        Assert.Contains("new int[] { 400, 403, 410 }", run.Sources["TestApp.JobsClient.g.cs"]); // the refresh statuses when none are declared
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileProblems());
    }

    [Theory]
    [InlineData("""@clientgen_waiter(name: "W", status: "nope", statusPath: "job.state", success: ["DONE"])""", "'nope'")]
    [InlineData("""@clientgen_waiter(name: "W", status: "job", statusPath: "job.phase", success: ["DONE"])""", "phase")]
    [InlineData("""@clientgen_waiter(name: "W", status: "job", statusPath: "job.state")""", "no success values")]
    [InlineData("""@clientgen_waiter(name: "W", status: "job", statusPath: "job.state", success: ["DONE"], start: "startJob", startIdPath: "startJob.id", startVariables: ["jobId=missing"])""", "startVariables")]
    [InlineData("""@clientgen_download(name: "F", waiter: "Unknown", linkPath: "job.file")""", "no declared waiter")]
    [InlineData("""@clientgen_waiter(name: "W", status: "job", statusPath: "job.state", success: ["DONE"], timeout: 1e300)""", "timeout must be a number of seconds")]
    [InlineData("""@clientgen_waiter(name: "W", status: "job", statusPath: "job.state", success: ["DONE"], minDelay: 60, maxDelay: 5)""", "longer than maxDelay")]
    public void A_declaration_that_does_not_fit_is_a_located_warning_and_the_operations_still_generate(string declaration, string reason)
    {
        var run = new GeneratorHarness()
            .AddSpec("/gql/jobs/schema.graphql", Schema(declaration))
            .AddSpec("/gql/jobs/operations.graphql", Operations)
            .Run();

        var warning = run.SingleDiagnostic("CG1004");
        Assert.Contains(reason, warning.GetMessage());
        Assert.Equal("/gql/jobs/schema.graphql", warning.Location.GetLineSpan().Path);
        Assert.Contains("JobAsync(", run.Sources["TestApp.IJobsClient.g.cs"]);
        Assert.DoesNotContain("WaitFor", run.Sources["TestApp.IJobsClient.g.cs"]);
        Assert.Empty(run.CompileProblems());
    }

    [Fact]
    public void A_waiter_whose_methods_would_take_an_operations_name_is_refused_and_the_operation_keeps_it()
    {
        const string operations = Operations + "\nquery waitForJobDone { job(id: \"1\") { id } }";
        var run = new GeneratorHarness()
            .AddSpec("/gql/jobs/schema.graphql", Schema(Waiter))
            .AddSpec("/gql/jobs/operations.graphql", operations)
            .Run();

        Assert.Contains("WaitForJobDoneAsync", run.SingleDiagnostic("CG1004").GetMessage());
        Assert.Contains("WaitForJobDoneAsync(global::ClientGen.Runtime.ApiCallOptions? callOptions = null", run.Sources["TestApp.IJobsClient.g.cs"]);
        Assert.Empty(run.CompileProblems());
    }
}
