using GitOps.Targets.Tests.Support;

namespace GitOps.Targets.Tests.Engine;

public sealed class MaskingTests : IDisposable
{
    private const string Canary = "canary-token-5f3a9";
    private readonly BuildRun run = new();

    public void Dispose() => run.Dispose();

    [Fact]
    public async Task Secrets_never_reach_the_console_child_output_or_the_log_file()
    {
        (await run.RunAsync<SampleBuild>(x => x.Show, "Leak", "--token", Canary, "--verbosity", "verbose")).ShouldBe(0);
        run.Output.ShouldContain("token is ***");
        run.Output.ShouldContain("child says ***");
        run.Output.ShouldContain("child err ***");
        run.Output.ShouldContain("registered later: ***");
        run.LogFile.ShouldContain("child says ***");
        foreach (var text in new[] { run.Output, run.Error, run.LogFile })
        {
            text.ShouldNotContain(Canary);
            text.ShouldNotContain("runtime-canary-value");
        }

        foreach (var file in Directory.EnumerateFiles(run.Root, "*", SearchOption.AllDirectories))
        {
            (await File.ReadAllTextAsync(file)).ShouldNotContain(Canary, customMessage: file);
        }
    }

    [Fact]
    public async Task Secrets_from_the_environment_are_masked_and_help_never_shows_them()
    {
        run.Environment["TOKEN"] = Canary;
        (await run.RunAsync<SampleBuild>(x => x.Show, "--help")).ShouldBe(0);
        run.Output.ShouldContain("*** (from environment)");
        run.Output.ShouldNotContain(Canary);
    }
}
