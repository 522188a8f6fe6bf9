using GitOps.Platform.E2e;
using GitOps.Platform.Promotion;
using GitOps.Targets.Output;
using GitOps.Targets.Tooling;

namespace GitOps.Platform.Tests.E2e;

public sealed class E2eRunnerTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("gitops-e2e-").FullName;
    private readonly E2eRunner runner = new(new ToolRunner(new ToolLocator("/nonexistent"), NullLog.Instance, new SecretMasker()), NullLog.Instance);

    public void Dispose() => Directory.Delete(root, recursive: true);

    // The sample suite is run from the repository, as RunE2E does, with the temp directory as the place for results.
    private static string SampleSuite()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "GitOps.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory!.FullName, "tests", "e2e", "run.sh");
    }

    private E2eRunRequest Request(string baseUrl, params string[] arguments) =>
        new("qa", "gcp", "1.3.0", baseUrl, root) { Arguments = arguments.Length > 0 ? arguments : [SampleSuite()] };

    [Fact]
    public async Task Sample_suite_passing_writes_its_junit_and_a_passed_record()
    {
        await using var environment = await EnvironmentServer.StartAsync("1.3.0");

        var record = await runner.RunAsync(Request(environment.BaseUrl), CancellationToken.None);

        record.Result.ShouldBe(E2eResult.Passed);
        (record.Tests, record.Failures).ShouldBe((3, 0));
        record.JUnitPath.ShouldBe(".nuke/temp/e2e/qa-gcp.junit.xml");
        File.ReadAllText(Path.Combine(root, record.JUnitPath!)).ShouldContain("name=\"environment runs release 1.3.0\"");
        (await E2eRecordStore.ForRepository(root).ReadAsync("qa", "gcp", CancellationToken.None)).ShouldBe(record);
    }

    [Fact]
    public async Task Sample_suite_fails_when_asked_to_simulate_a_failure()
    {
        await using var environment = await EnvironmentServer.StartAsync("1.3.0");

        var record = await runner.RunAsync(
            Request(environment.BaseUrl) with { Environment = new Dictionary<string, string?> { ["E2E_SIMULATE_FAILURE"] = "1" } }, CancellationToken.None);

        record.Result.ShouldBe(E2eResult.Failed);
        (record.Tests, record.Failures).ShouldBe((4, 1));
    }

    [Fact]
    public async Task Sample_suite_fails_when_the_environment_runs_another_release()
    {
        await using var environment = await EnvironmentServer.StartAsync("1.2.0");

        var record = await runner.RunAsync(Request(environment.BaseUrl), CancellationToken.None);

        record.Result.ShouldBe(E2eResult.Failed);
        File.ReadAllText(Path.Combine(root, record.JUnitPath!)).ShouldContain("GET /version returned 200");
    }

    [Theory]
    [InlineData("exit 0", E2eResult.Passed, 0)]
    [InlineData("exit 3", E2eResult.Failed, 1)]
    public async Task A_command_without_junit_is_wrapped_into_a_single_case(string script, E2eResult expected, int failures)
    {
        var record = await runner.RunAsync(Request("http://127.0.0.1:9", "-c", script), CancellationToken.None);

        record.Result.ShouldBe(expected);
        (record.Tests, record.Failures).ShouldBe((1, failures));
        var junit = File.ReadAllText(Path.Combine(root, record.JUnitPath!));
        junit.ShouldContain("<testcase classname=\"e2e.qa-gcp\"");
        junit.Contains("exited with code 3", StringComparison.Ordinal).ShouldBe(failures == 1);
    }

    [Fact]
    public async Task The_suite_sees_the_environment_it_tests()
    {
        var record = await runner.RunAsync(
            Request("http://env.test", "-c", "[ \"$STAGE-$CLOUD-$RELEASE-$BASE_URL\" = qa-gcp-1.3.0-http://env.test ]"), CancellationToken.None);

        record.Result.ShouldBe(E2eResult.Passed);
    }
}
