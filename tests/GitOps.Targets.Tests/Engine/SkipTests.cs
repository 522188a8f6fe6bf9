using GitOps.Targets.Tests.Support;

namespace GitOps.Targets.Tests.Engine;

public sealed class SkipTests : IDisposable
{
    private readonly BuildRun run = new();

    public void Dispose() => run.Dispose();

    [Fact]
    public async Task Bare_skip_runs_only_the_named_targets()
    {
        (await run.RunAsync<SampleBuild>(x => x.Show, "UnitTest", "--skip")).ShouldBe(0);
        run.Ran.ShouldBe(["UnitTest"]);
        run.Output.ShouldContain("Skipped");
        run.Output.ShouldContain("--skip");
    }

    [Fact]
    public async Task Skipping_a_target_skips_what_only_it_needed()
    {
        (await run.RunAsync<SampleBuild>(x => x.Show, "UnitTest", "--skip", "Compile")).ShouldBe(0);
        run.Ran.ShouldBe(["UnitTest"]);
        run.Output.ShouldContain("only needed by skipped Compile");
    }

    [Fact]
    public async Task Static_condition_skips_with_the_expression_and_its_private_dependencies()
    {
        (await run.RunAsync<SampleBuild>(x => x.Show, "WhenFlag")).ShouldBe(0);
        run.Ran.ShouldBeEmpty();
        run.Output.ShouldContain("// Flag");
        run.Output.ShouldContain("only needed by skipped WhenFlag");

        (await run.RunAsync<SampleBuild>(x => x.Show, "WhenFlag", "--flag")).ShouldBe(0);
        run.Ran.ShouldBe(["Restore", "WhenFlag"]);
    }

    [Fact]
    public async Task Dynamic_condition_is_checked_when_the_target_is_reached()
    {
        (await run.RunAsync<SampleBuild>(x => x.Show, "WhenFlagLater")).ShouldBe(0);
        run.Ran.ShouldBeEmpty();
        run.Output.ShouldContain("Skipped: Flag");
    }

    [Fact]
    public async Task Skipping_an_unknown_target_is_a_usage_error()
    {
        (await run.RunAsync<SampleBuild>(x => x.Show, "UnitTest", "--skip", "Compil")).ShouldBe(2);
        run.Error.ShouldContain("Did you mean 'Compile'?");
    }
}
