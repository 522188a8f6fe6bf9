using GitOps.Targets.Tests.Support;

namespace GitOps.Targets.Tests.Engine;

/// <summary>
/// A word with one leading dash (issue 13 review): the old scripts' <c>-x</c> style, or a typo of <c>--name</c>. It was
/// reported as an unknown target; it is an unknown option, with the option it most likely meant.
/// </summary>
public sealed class SingleDashOptionTests : IDisposable
{
    private readonly BuildRun run = new();

    public void Dispose() => run.Dispose();

    [Theory]
    [InlineData(new[] { "-x" }, "error: Unknown option '-x': options start with two dashes (--name value); no option starts with 'x'. Run ./build.sh --help to list the parameters.")]
    [InlineData(new[] { "-flavour", "plain" }, "error: Unknown option '-flavour': options start with two dashes (--name value). Did you mean '--flavour'? Run ./build.sh --help to list the parameters.")]
    [InlineData(new[] { "-w", "5" }, "error: Unknown option '-w': options start with two dashes (--name value). Did you mean '--wait'? Run ./build.sh --help to list the parameters.")]
    [InlineData(new[] { "Show", "-c", "2" }, "error: Unknown option '-c': options start with two dashes (--name value). Did you mean '--command' or '--count'? Run ./build.sh --help to list the parameters.")]
    public async Task A_single_dash_word_is_an_unknown_option_with_the_closest_known_one(string[] args, string expected)
    {
        (await run.RunAsync<SampleBuild>(x => x.Show, args)).ShouldBe(2);

        run.Ran.ShouldBeEmpty();
        OneLine(run.Error).ShouldBe(expected);
    }

    /// <summary>A single-dash spelling of an engine option must not act as it (here: write under another root) before being refused.</summary>
    [Fact]
    public async Task A_single_dash_engine_option_is_refused_not_obeyed()
    {
        var elsewhere = Directory.CreateTempSubdirectory("gitops-elsewhere-").FullName;
        try
        {
            (await run.RunAsync<SampleBuild>(x => x.Show, "-root", elsewhere)).ShouldBe(2);

            OneLine(run.Error).ShouldStartWith("error: Unknown option '-root': options start with two dashes (--name value). Did you mean '--root'?");
            Directory.EnumerateFileSystemEntries(elsewhere).ShouldBeEmpty();
        }
        finally
        {
            Directory.Delete(elsewhere, recursive: true);
        }
    }

    /// <summary>A negative number is a value (then refused as one), not an option.</summary>
    [Fact]
    public async Task A_dash_followed_by_a_digit_stays_a_value()
    {
        (await run.RunAsync<SampleBuild>(x => x.Show, "--wait", "-5s")).ShouldBe(2);

        OneLine(run.Error).ShouldStartWith("error: --wait must be a duration");
    }

    private static string OneLine(string error)
    {
        var lines = error.TrimEnd().Split(Environment.NewLine);
        lines.Length.ShouldBe(1, error);
        lines[0].ShouldNotContain("Exception");
        lines[0].ShouldNotContain("Target '");
        return lines[0];
    }
}
