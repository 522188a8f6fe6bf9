using GitOps.Targets.Tests.Support;

namespace GitOps.Targets.Tests.Engine;

/// <summary>
/// Values that were silently dropped, found trying issue 13 item 6 as a new user: <c>--mgmt-kubeconfig=</c> (an empty
/// value, as an unset variable in a calling script gives) acted as if the option were not there.
/// </summary>
public sealed class SilentlyIgnoredValueTests : IDisposable
{
    private readonly BuildRun run = new();

    public void Dispose() => run.Dispose();

    [Theory]
    [InlineData("--command=")]
    [InlineData("--command", "")]
    [InlineData("--command", "  ")]
    public async Task An_empty_value_for_a_text_parameter_is_refused_naming_it(params string[] args)
    {
        (await run.RunAsync<SampleBuild>(x => x.Show, args)).ShouldBe(2);

        run.Ran.ShouldBeEmpty();
        OneLine(run.Error).ShouldBe("error: --command is empty; give it a value, or leave --command out.");
    }

    /// <summary>"--stage=" once got "Did you mean 'qa'?": any two-letter name is within reach of nothing.</summary>
    [Fact]
    public void Nothing_typed_is_close_to_no_name() =>
        GitOps.Targets.Text.Suggestion.Closest(string.Empty, ["qa", "dev", "prod"]).ShouldBeNull();

    private static string OneLine(string error)
    {
        var lines = error.TrimEnd().Split(Environment.NewLine);
        lines.Length.ShouldBe(1, error);
        lines[0].ShouldNotContain("Exception");
        return lines[0];
    }
}
