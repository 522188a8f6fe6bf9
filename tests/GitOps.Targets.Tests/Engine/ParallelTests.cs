using GitOps.Targets.Tests.Support;

namespace GitOps.Targets.Tests.Engine;

public sealed class ParallelTests : IDisposable
{
    private readonly BuildRun run = new();

    public void Dispose() => run.Dispose();

    [Fact]
    public async Task Independent_targets_run_at_the_same_time_with_parallel()
    {
        SampleBuild.ResetMeeting();
        (await run.RunAsync<SampleBuild>(x => x.Show, "Both", "--parallel", "2")).ShouldBe(0);
        run.Ran.Take(2).ShouldBe(["Left", "Right"], ignoreOrder: true);
        run.Ran[^1].ShouldBe("Both");
    }

    [Fact]
    public async Task Without_parallel_targets_run_one_at_a_time()
    {
        SampleBuild.ResetMeeting();
        (await run.RunAsync<SampleBuild>(x => x.Show, "Both")).ShouldBe(1);
        run.Output.ShouldContain("Left never saw Right running");
    }

    [Fact]
    public async Task Parallel_output_of_each_target_stays_together()
    {
        SampleBuild.ResetMeeting();
        (await run.RunAsync<SampleBuild>(x => x.Show, "Both", "--parallel")).ShouldBe(0);
        // Unbuffered, the two targets' lines would interleave (arrived, arrived, met, met).
        run.Output.ShouldContain("═══ Left\nLeft arrived\nLeft met Right\n");
        run.Output.ShouldContain("═══ Right\nRight arrived\nRight met Left\n");
        run.Output.ShouldContain("▶ Left started");
    }
}
