using GitOps.Targets.Tests.Support;

namespace GitOps.Targets.Tests.Engine;

public sealed class HelpTests : IDisposable
{
    private readonly BuildRun run = new();

    public void Dispose() => run.Dispose();

    [Fact]
    public async Task Help_matches_the_snapshot()
    {
        run.Environment["COUNT"] = "9";
        (await run.RunAsync<SampleBuild>(x => x.Compile, "--help")).ShouldBe(0);
        Snapshot.Match("sample-help.txt", run.Output);
    }

    [Fact]
    public async Task Help_hides_unlisted_targets_and_marks_the_default()
    {
        await run.RunAsync<SampleBuild>(x => x.Compile, "-h");
        run.Output.ShouldNotMatch(@"(?m)^  Show\s");
        run.Output.ShouldContain("Compile (default)");
        run.Output.ShouldContain("-> Restore");
    }
}
