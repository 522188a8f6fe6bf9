using GitOps.Targets.Tests.Support;

namespace GitOps.Targets.Tests.Engine;

/// <summary>
/// An option given twice (issue 13): a single-valued one is refused naming it, since silently taking the last of
/// <c>--stage dev --stage prod</c> acts on an environment the user may not have meant; a list-valued one collects all.
/// </summary>
public sealed class RepeatedOptionTests : IDisposable
{
    private readonly BuildRun run = new();

    public void Dispose() => run.Dispose();

    [Theory]
    [InlineData("--flavour", "plain", "--flavour", "extra-hot")]
    [InlineData("--flavour=plain", null, "--flavour", "extra-hot")]
    [InlineData("--flavour", "plain", "--Flavour=extra-hot", null)]
    [InlineData("--count", "1", "--count", "2")]
    [InlineData("--wait", "5", "--wait=10", null)]
    public async Task A_single_valued_parameter_given_twice_is_refused_naming_it(string first, string? firstValue, string second, string? secondValue)
    {
        string[] args = [first, .. firstValue is null ? Array.Empty<string>() : [firstValue], second, .. secondValue is null ? Array.Empty<string>() : [secondValue]];
        var name = first.TrimStart('-').Split('=')[0];

        (await run.RunAsync<SampleBuild>(x => x.Show, args)).ShouldBe(2);

        run.Ran.ShouldBeEmpty();
        OneLine(run.Error).ShouldStartWith($"error: --{name} is given 2 times");
        run.Error.ShouldContain("it takes one value: give it once");
    }

    [Fact]
    public async Task A_boolean_given_twice_is_refused_even_when_both_agree()
    {
        (await run.RunAsync<SampleBuild>(x => x.Show, "--flag", "--flag=off")).ShouldBe(2);
        OneLine(run.Error).ShouldBe("error: --flag is given 2 times (--flag, --flag=off); it takes one value: give it once.");
    }

    [Fact]
    public async Task A_repeated_secret_is_refused_without_showing_its_values()
    {
        (await run.RunAsync<SampleBuild>(x => x.Show, "--token", "canary-one", "--token", "canary-two")).ShouldBe(2);
        OneLine(run.Error).ShouldBe("error: --token is given 2 times; it takes one value: give it once.");
    }

    [Theory]
    [InlineData("--root")]
    [InlineData("--verbosity")]
    [InlineData("--profile")]
    [InlineData("--parallel")]
    public async Task A_single_valued_engine_option_given_twice_is_refused(string option)
    {
        var value = option switch { "--root" => run.Root, "--verbosity" => "quiet", "--profile" => "ci", _ => "2" };

        (await run.RunAsync<SampleBuild>(x => x.Show, option, value, option, value)).ShouldBe(2);

        run.Ran.ShouldBeEmpty();
        OneLine(run.Error).ShouldStartWith($"error: {option} is given 2 times");
    }

    [Fact]
    public async Task A_list_valued_parameter_given_twice_collects_both()
    {
        (await run.RunAsync<SampleBuild>(x => x.Show, "--names", "a", "--names=b,c")).ShouldBe(0, run.Error);
        run.Ran.ShouldHaveSingleItem().ShouldContain("names=a|b|c");
    }

    [Fact]
    public async Task Target_and_skip_given_twice_collect_both()
    {
        (await run.RunAsync<SampleBuild>(x => x.Show, "--target", "Clean", "--target", "Restore")).ShouldBe(0, run.Error);
        run.Ran.ShouldBe(["Clean", "Restore"]);

        (await run.RunAsync<SampleBuild>(x => x.Show, "UnitTest", "--skip", "Compile", "--skip", "Restore")).ShouldBe(0, run.Error);
        run.Ran[^1].ShouldBe("UnitTest");
    }

    [Fact]
    public async Task The_command_line_wins_over_the_environment_without_being_a_repeat()
    {
        run.Environment["FLAVOUR"] = "plain";
        (await run.RunAsync<SampleBuild>(x => x.Show, "--flavour", "extra-hot")).ShouldBe(0, run.Error);
        run.Ran.ShouldHaveSingleItem().ShouldContain("flavour=ExtraHot");
    }

    private static string OneLine(string error)
    {
        var lines = error.TrimEnd().Split(Environment.NewLine);
        lines.Length.ShouldBe(1, error);
        lines[0].ShouldNotContain("Exception");
        return lines[0];
    }
}
