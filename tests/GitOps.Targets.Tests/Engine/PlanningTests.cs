using GitOps.Targets.Tests.Support;

namespace GitOps.Targets.Tests.Engine;

public sealed class PlanningTests : IDisposable
{
    private readonly BuildRun run = new();

    public void Dispose() => run.Dispose();

    [Fact]
    public async Task Dependencies_run_first_and_after_only_orders_when_both_are_planned()
    {
        (await run.RunAsync<SampleBuild>(x => x.Show, "UnitTest", "--no-logo")).ShouldBe(0);
        run.Ran.ShouldBe(["Restore", "Compile", "UnitTest"]);

        (await run.RunAsync<SampleBuild>(x => x.Show, "Compile", "Clean")).ShouldBe(0);
        run.Ran.Skip(3).ShouldBe(["Clean", "Restore", "Compile"]);
    }

    [Fact]
    public async Task Triggers_add_targets_after_the_trigger()
    {
        (await run.RunAsync<SampleBuild>(x => x.Show, "Publish", "--flavour", "plain")).ShouldBe(0);
        run.Ran.ShouldBe(["Restore", "Compile", "UnitTest", "Publish", "Notify"]);
    }

    [Fact]
    public async Task Target_names_are_case_insensitive_and_the_default_runs_when_none_is_named()
    {
        (await run.RunAsync<SampleBuild>(x => x.Restore, "compile")).ShouldBe(0);
        (await run.RunAsync<SampleBuild>(x => x.Restore)).ShouldBe(0);
        run.Ran.ShouldBe(["Restore", "Compile", "Restore"]);
    }

    [Fact]
    public async Task Plan_prints_the_order_and_writes_a_mermaid_graph_without_running_anything()
    {
        (await run.RunAsync<SampleBuild>(x => x.Show, "Publish", "--plan")).ShouldBe(0);
        run.Ran.ShouldBeEmpty();
        run.Output.ShouldContain("1. Restore");
        run.Output.ShouldContain("5. Notify");
        var mermaid = await File.ReadAllTextAsync(Path.Combine(run.Root, ".nuke", "temp", "plan.mmd"));
        mermaid.ShouldContain("Compile --> UnitTest");
        mermaid.ShouldNotContain("Clean");
    }

    [Fact]
    public async Task Cycles_are_named_as_paths_before_anything_runs()
    {
        (await run.RunAsync<CyclicBuild>(x => x.Alpha)).ShouldBe(2);
        run.Error.ShouldContain("Alpha -> Beta -> Alpha");
        run.Error.ShouldContain("Gamma -> Delta -> Gamma");
    }

    [Fact]
    public async Task Unknown_targets_are_all_reported_with_the_closest_name()
    {
        (await run.RunAsync<SampleBuild>(x => x.Show, "Compil", "Pubish")).ShouldBe(2);
        run.Error.ShouldContain("error: targets 'Compil' (did you mean 'Compile'?), 'Pubish' (did you mean 'Publish'?) do not exist; allowed values: ");
        run.Ran.ShouldBeEmpty();
    }
}
