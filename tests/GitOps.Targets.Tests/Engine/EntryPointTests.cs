using GitOps.Targets.Cli;
using GitOps.Targets.Tests.Support;

namespace GitOps.Targets.Tests.Engine;

/// <summary>
/// Hints name the command the user ran: build.sh passes its $0 and build.ps1 its path in GITOPS_ENTRY_POINT. Before,
/// every message said ./build.sh, also under build.ps1 and through a link.
/// </summary>
public sealed class EntryPointTests : IDisposable
{
    private readonly BuildRun run = new();

    public void Dispose() => run.Dispose();

    [Theory]
    [InlineData("/repo/build.ps1", "/repo", "./build.ps1")]
    [InlineData("./b", "/repo", "./b")]
    [InlineData("/repo/tools/gitops", "/repo", "/repo/tools/gitops")]
    [InlineData("../repo/build.sh", "/elsewhere", "../repo/build.sh")]
    [InlineData("/my repo/build.sh", "/tmp", "'/my repo/build.sh'")]
    [InlineData(null, "/repo", "./build.sh")]
    [InlineData("", "/repo", "./build.sh")]
    [InlineData("bad\nname", "/repo", "./build.sh")]
    public void The_command_is_named_as_it_was_run(string? started, string workingDirectory, string expected) =>
        EntryPoint.Display(started, workingDirectory).ShouldBe(expected);

    [Theory]
    [InlineData("/repo/build.ps1", "build.ps1")]
    [InlineData("C:\\repo\\BUILD.PS1", "build.ps1")]
    [InlineData("./build.sh", "build.sh")]
    [InlineData("/home/me/bin/gitops", "build.sh")]
    [InlineData(null, "build.sh")]
    public void The_script_a_repository_is_recognised_by_is_the_one_that_was_run(string? started, string expected) =>
        EntryPoint.ScriptOf(started).ShouldBe(expected);

    [Fact]
    public async Task A_skipped_target_in_the_plan_gives_the_authors_reason_not_the_condition()
    {
        (await run.RunAsync<ReasonedBuild>(x => x.Check, "Check", "--version", "1.2.3", "--plan")).ShouldBe(0);

        run.Output.ShouldContain("(skipped: --version is set)");
        run.Output.ShouldNotContain("Version == null");
    }

    private sealed class ReasonedBuild : BuildScript
    {
        [GitOps.Targets.Parameters.Parameter("A release.")]
        private readonly string? Version;

        internal Target Check => _ => _.OnlyWhenStatic(() => Version == null, "--version is set").Executes(() => { });
    }
}
