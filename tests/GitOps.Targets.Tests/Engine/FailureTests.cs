using GitOps.Targets.Tests.Support;

namespace GitOps.Targets.Tests.Engine;

public sealed class FailureTests : IDisposable
{
    private readonly BuildRun run = new();

    public void Dispose() => run.Dispose();

    [Fact]
    public async Task A_failure_stops_dependents_and_later_targets_but_not_assured_ones()
    {
        (await run.RunAsync<SampleBuild>(x => x.Show, "Fail", "AfterFail", "Independent", "Cleanup")).ShouldBe(1);
        run.Ran.ShouldBe(["Cleanup"]);
        run.Output.ShouldContain("Fail failed: the thing broke");
        run.Output.ShouldMatch(@"AfterFail\s+NotRun\s+\S+ \S+\s+// Fail did not succeed");
        run.Output.ShouldMatch(@"Independent\s+NotRun\s+.*an earlier target failed");
        run.Output.ShouldContain("Build failed");
    }

    [Fact]
    public async Task A_target_that_proceeds_after_failure_lets_the_build_go_on_but_not_its_dependents()
    {
        (await run.RunAsync<SampleBuild>(x => x.Show, "FailsButProceeds", "AfterTolerated", "LaterThanTolerated")).ShouldBe(1);
        run.Ran.ShouldBe(["LaterThanTolerated"]);
        run.Output.ShouldMatch(@"AfterTolerated\s+NotRun\s+.*FailsButProceeds did not succeed");
        run.Output.ShouldContain("Build failed");
    }

    [Fact]
    public async Task A_body_not_built_yet_fails_loudly()
    {
        (await run.RunAsync<SampleBuild>(x => x.Show, "NotReady")).ShouldBe(1);
        run.Output.ShouldContain("not implemented yet: lands later");
        run.Output.ShouldNotContain("Build succeeded");
    }

    [Fact]
    public async Task A_target_refusing_the_request_exits_2()
    {
        (await run.RunAsync<SampleBuild>(x => x.Show, "Refuses")).ShouldBe(2);
        run.Output.ShouldContain("nightly is never promoted");
    }

    [Fact]
    public async Task An_unexpected_exception_says_it_is_a_bug_and_keeps_type_and_stack_trace_in_the_log_file_only()
    {
        (await run.RunAsync<SampleBuild>(x => x.Show, "Crashes", "--verbosity", "verbose")).ShouldBe(1);
        run.Output.ShouldContain("Crashes failed: unexpected error, a bug in the build (details in .nuke/temp/build.log): surprise");
        (run.Output + run.Error).ShouldNotContain("InvalidOperationException");
        (run.Output + run.Error).ShouldNotContain("   at ");
        run.LogFile.ShouldContain("System.InvalidOperationException: surprise");
        run.LogFile.ShouldContain("   at ");
    }

    [Fact]
    public async Task A_failing_tool_names_the_tool_its_masked_arguments_the_exit_code_and_stderr()
    {
        (await run.RunAsync<SampleBuild>(x => x.Show, "ToolFails", "--token", "sekrit-token-123")).ShouldBe(1);
        run.Output.ShouldContain("failed with exit code 3");
        run.Output.ShouldContain("bad thing");
        run.Output.ShouldContain("sh -c");
        run.Output.ShouldNotContain("sekrit-token-123");
    }

    [Fact]
    public async Task A_missing_tool_fails_before_anything_runs_saying_how_to_get_it()
    {
        (await run.RunAsync<SampleBuild>(x => x.Show, "Restore", "NeedsMissingTool")).ShouldBe(1);
        run.Ran.ShouldBeEmpty();
        run.Output.ShouldContain("no-such-tool-xyz: not found on PATH or under .nuke/tools. Install it with: apt-get install no-such-tool-xyz");
    }

    [Fact]
    public async Task Ctrl_C_aborts_the_running_target_runs_assured_targets_and_exits_130()
    {
        var running = run.RunAsync<SampleBuild>(x => x.Show, "Hang", "Cleanup");
        for (var i = 0; i < 200 && !run.Ran.Contains("Hang"); i++)
        {
            await Task.Delay(25);
        }

        await run.Interrupt.CancelAsync();
        (await running).ShouldBe(130);
        run.Ran.ShouldBe(["Hang", "Cleanup"]);
        run.Output.ShouldMatch(@"Hang\s+Aborted");
        run.Output.ShouldContain("Build interrupted");
    }

    [Fact]
    public async Task Ctrl_C_stops_the_child_processes_of_the_running_target()
    {
        var running = run.RunAsync<SampleBuild>(x => x.Show, "HangInTool");
        var pidFile = Path.Combine(run.Root, "child.pid");
        for (var i = 0; i < 400 && !(File.Exists(pidFile) && File.ReadAllText(pidFile).Trim().Length > 0); i++)
        {
            await Task.Delay(25);
        }

        var pid = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        await run.Interrupt.CancelAsync();
        (await running).ShouldBe(130);
        Directory.Exists($"/proc/{pid}").ShouldBeFalse("the tool's process must be killed, not left running");
    }
}
