using GitOps.Targets.Tests.Support;

namespace GitOps.Targets.Tests.Engine;

public sealed class ConsoleTests : IDisposable
{
    private const string Escape = "\u001b[";
    private readonly BuildRun run = new();

    public void Dispose() => run.Dispose();

    [Fact]
    public async Task A_terminal_gets_colours()
    {
        run.OutputRedirected = false;
        (await run.RunAsync<SampleBuild>(x => x.Restore)).ShouldBe(0);
        run.Output.ShouldContain(Escape);
    }

    [Fact]
    public async Task NO_COLOR_and_redirected_output_get_none()
    {
        run.OutputRedirected = false;
        run.Environment["NO_COLOR"] = "1";
        (await run.RunAsync<SampleBuild>(x => x.Restore)).ShouldBe(0);
        run.Output.ShouldNotContain(Escape);

        run.Environment.Remove("NO_COLOR");
        run.OutputRedirected = true;
        (await run.RunAsync<SampleBuild>(x => x.Restore)).ShouldBe(0);
        run.Output.ShouldNotContain(Escape);
    }

    [Fact]
    public async Task In_GitLab_CI_each_target_sits_in_a_collapsible_section()
    {
        run.Environment["GITLAB_CI"] = "true";
        (await run.RunAsync<SampleBuild>(x => x.Compile)).ShouldBe(0);
        run.Output.ShouldMatch(@"section_start:\d+:target_restore\[collapsed=false\]\r\u001b\[0K");
        run.Output.ShouldMatch(@"section_end:\d+:target_restore\r");
        run.Output.ShouldMatch(@"section_start:\d+:target_compile");
        run.Output.IndexOf("section_end:", StringComparison.Ordinal).ShouldBeLessThan(run.Output.IndexOf("target_compile", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_run_leaves_a_log_file()
    {
        (await run.RunAsync<SampleBuild>(x => x.Compile, "--verbosity", "quiet")).ShouldBe(0);
        run.Output.ShouldNotContain("═══ Compile");
        run.LogFile.ShouldContain("[Compile]");
    }
}
