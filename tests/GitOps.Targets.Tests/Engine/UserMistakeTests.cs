using GitOps.Targets.Tests.Support;

namespace GitOps.Targets.Tests.Engine;

/// <summary>Every user mistake: exit 2, one line naming the flag (or file:line) and what is allowed, never a .NET type.</summary>
public sealed class UserMistakeTests : IDisposable
{
    private readonly BuildRun run = new();

    public void Dispose() => run.Dispose();

    [Theory]
    [InlineData("60", "00:01:00")]
    [InlineData("90s", "00:01:30")]
    [InlineData("1h30m", "01:30:00")]
    [InlineData("00:10:00", "00:10:00")]
    [InlineData("24h", "1.00:00:00")]
    public async Task A_duration_is_seconds_when_bare_and_reads_units_and_clock_times(string text, string expected)
    {
        (await run.RunAsync<SampleBuild>(x => x.Show, "--wait", text)).ShouldBe(0, run.Error);
        run.Ran.ShouldHaveSingleItem().ShouldContain($"wait={expected} ");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0s")]
    [InlineData("-5s")]
    [InlineData("25h")]
    [InlineData("60d")]
    [InlineData("99999999999h")]
    [InlineData("99999999999999999999999999999999")]
    [InlineData("٣s")]
    [InlineData("1.5h")]
    [InlineData("30:00:00")]
    public async Task An_impossible_duration_is_refused_before_anything_runs(string text)
    {
        (await run.RunAsync<SampleBuild>(x => x.Show, "--wait", text)).ShouldBe(2);
        run.Ran.ShouldBeEmpty();
        OneLine(run.Error).ShouldBe($"error: --wait must be a duration from 1s to 24h such as 90 (seconds), 90s, 15m or 1h30m, got '{text}'.");
    }

    [Fact]
    public async Task An_impossible_duration_in_a_variable_names_the_variable()
    {
        run.Environment["WAIT"] = "60d";
        (await run.RunAsync<SampleBuild>(x => x.Show)).ShouldBe(2);
        OneLine(run.Error).ShouldStartWith("error: environment variable WAIT: --wait must be a duration from 1s to 24h");
    }

    [Theory]
    [InlineData("--flag=off", "flag=False")]
    [InlineData("--flag=on", "flag=True")]
    [InlineData("--flag=yes", "flag=True")]
    [InlineData("--flag=0", "flag=False")]
    [InlineData("--flavour=extra-hot", "flavour=ExtraHot")]
    [InlineData("--names=a,b", "names=a|b")]
    public async Task An_inline_value_belongs_to_its_option_and_the_words_after_it_are_targets(string option, string expected)
    {
        (await run.RunAsync<SampleBuild>(x => x.Restore, option, "Show")).ShouldBe(0, run.Error);
        run.Ran.ShouldHaveSingleItem().ShouldContain(expected);
    }

    [Theory]
    [InlineData("off", "flag=False")]
    [InlineData("on", "flag=True")]
    public async Task On_and_off_are_boolean_words_after_a_space_too(string word, string expected)
    {
        (await run.RunAsync<SampleBuild>(x => x.Restore, "--flag", word, "Show")).ShouldBe(0, run.Error);
        run.Ran.ShouldHaveSingleItem().ShouldContain(expected);
    }

    [Fact]
    public async Task An_inline_value_that_is_no_boolean_is_refused_with_the_allowed_words()
    {
        (await run.RunAsync<SampleBuild>(x => x.Show, "--flag=maybe")).ShouldBe(2);
        run.Ran.ShouldBeEmpty();
        OneLine(run.Error).ShouldBe("error: --flag: 'maybe' is not a valid value; allowed values: true, false, yes, no, on, off, 1, 0.");
    }

    [Theory]
    [InlineData("--plan=Show", "error: --plan takes no value, got '--plan=Show'; write --plan alone.")]
    [InlineData("--help=yes", "error: --help takes no value, got '--help=yes'; write --help alone.")]
    [InlineData("--parallel=many", "error: --parallel takes how many targets run at once, a whole number from 1 to 64, got 'many'.")]
    public async Task An_engine_flag_given_an_inline_value_is_refused_instead_of_adding_a_target(string option, string expected)
    {
        (await run.RunAsync<SampleBuild>(x => x.Show, option)).ShouldBe(2);
        run.Ran.ShouldBeEmpty();
        OneLine(run.Error).ShouldBe(expected);
    }

    [Theory]
    [InlineData("99999999999")]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("65")]
    [InlineData("abc")]
    [InlineData("٣")]
    public async Task A_parallel_count_out_of_range_names_parallel_and_the_range_never_an_unknown_target(string count)
    {
        (await run.RunAsync<SampleBuild>(x => x.Show, "--parallel", count)).ShouldBe(2);
        run.Ran.ShouldBeEmpty();
        OneLine(run.Error).ShouldBe($"error: --parallel takes how many targets run at once, a whole number from 1 to 64, got '{count}'.");
    }

    [Fact]
    public async Task A_target_name_after_parallel_is_still_a_target()
    {
        (await run.RunAsync<SampleBuild>(x => x.Show, "--parallel", "Clean+Restore")).ShouldBe(0, run.Error);
        run.Ran.ShouldBe(["Clean", "Restore"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("--target")]
    [InlineData("--target", "")]
    [InlineData("--target=")]
    [InlineData("--target", "+")]
    public async Task A_target_option_without_a_name_is_refused_instead_of_running_the_default(params string[] args)
    {
        (await run.RunAsync<SampleBuild>(x => x.Show, args)).ShouldBe(2);
        run.Ran.ShouldBeEmpty();
        OneLine(run.Error).ShouldBe("error: --target needs a target name, e.g. --target Show (or name targets without it: ./build.sh Show); run ./build.sh --help to list them.");
    }

    [Fact]
    public async Task An_empty_skip_name_is_refused_instead_of_skipping_nothing()
    {
        (await run.RunAsync<SampleBuild>(x => x.Show, "UnitTest", "--skip", "")).ShouldBe(2);
        run.Ran.ShouldBeEmpty();
        OneLine(run.Error).ShouldBe("error: --skip '': names no target; give target names (--skip Restore,Compile), or --skip alone to skip every dependency.");
    }

    [Theory]
    [InlineData("99999999999")]
    [InlineData("٣")]
    [InlineData("abc")]
    public async Task A_whole_number_parameter_out_of_range_says_the_range(string count)
    {
        (await run.RunAsync<SampleBuild>(x => x.Show, "--count", count)).ShouldBe(2);
        run.Ran.ShouldBeEmpty();
        OneLine(run.Error).ShouldBe($"error: --count must be a whole number from -2147483648 to 2147483647, got '{count}'.");
    }

    [Fact]
    public async Task A_root_that_is_not_a_repository_of_this_build_is_refused_and_nothing_is_written_there()
    {
        var elsewhere = Directory.CreateTempSubdirectory("gitops-not-a-repo-").FullName;
        try
        {
            (await run.RunAsync<SampleBuild>(x => x.Show, "--root", elsewhere, "--help")).ShouldBe(2);
            OneLine(run.Error).ShouldBe($"error: --root {elsewhere}: not a repository of this build (it has no .nuke/ directory); pass the repository's root (where build.sh and .nuke/ are).");
            Directory.EnumerateFileSystemEntries(elsewhere).ShouldBeEmpty();

            (await run.RunAsync<SampleBuild>(x => x.Show, $"--root={Path.Combine(elsewhere, "missing")}")).ShouldBe(2);
            OneLine(run.Error).ShouldContain("missing: no such directory");
        }
        finally
        {
            Directory.Delete(elsewhere, recursive: true);
        }
    }

    [Fact]
    public async Task A_parameters_file_that_is_not_utf8_names_file_line_and_byte()
    {
        await File.WriteAllBytesAsync(ParametersFile, [.. "{\n  \"count\": 2,\n  \"names\": [\"caf"u8.ToArray(), 0xE9, .. "\"]\n}"u8.ToArray()]);
        (await run.RunAsync<SampleBuild>(x => x.Show)).ShouldBe(2);
        OneLine(run.Error).ShouldBe("error: .nuke/parameters.json:3: not UTF-8 text (byte 0xE9 at column 17); save the file as UTF-8.");
    }

    [Theory]
    [InlineData("{\n  \"count\": 2\n  \"flag\": true\n}", ".nuke/parameters.json:3: not valid JSON at column 3: unexpected '\"' (a missing or extra comma, colon or bracket before it?)")]
    [InlineData("{\n  'count': 2\n}", ".nuke/parameters.json:2: not valid JSON at column 3: single quotes are not JSON; put names and strings in double quotes")]
    [InlineData("{\n  \"flavour\": plain\n}", ".nuke/parameters.json:2: not valid JSON at column 14: unexpected 'p'; put names and strings in double quotes (numbers and true/false stay bare)")]
    [InlineData("{\n  \"count\": 2,\n", ".nuke/parameters.json:3: not valid JSON at column 1: the file ends before the object is closed (a missing '}', ']' or '\"'?)")]
    public async Task A_parameters_file_that_is_not_json_says_where_and_what_in_plain_words(string text, string expected)
    {
        await File.WriteAllTextAsync(ParametersFile, text);
        (await run.RunAsync<SampleBuild>(x => x.Show)).ShouldBe(2);
        var line = OneLine(run.Error);
        line.ShouldStartWith("error: " + expected);
        line.ShouldNotContain("LineNumber");
        line.ShouldNotContain("BytePosition");
        line.ShouldNotContain("token");
    }

    [Fact]
    public async Task A_parameters_file_that_is_a_directory_is_named()
    {
        Directory.CreateDirectory(ParametersFile);
        (await run.RunAsync<SampleBuild>(x => x.Show)).ShouldBe(2);
        OneLine(run.Error).ShouldStartWith("error: .nuke/parameters.json: is a directory, not a parameters file");
    }

    [Fact]
    public async Task In_a_pipeline_a_parameter_choosing_code_is_refused_from_a_variable_before_anything_runs()
    {
        run.Environment["GITLAB_CI"] = "true";
        run.Environment["COMMAND"] = "touch /tmp/canary";
        (await run.RunAsync<SampleBuild>(x => x.Show)).ShouldBe(2);
        run.Ran.ShouldBeEmpty();
        OneLine(run.Error).ShouldBe(
            "error: environment variable COMMAND is set, but in a pipeline --command is read only from the command line or .nuke/parameters.json "
            + "(it chooses what runs or which credentials are used, and GitLab lets trigger and API variables override every variable); "
            + "unset COMMAND, and pass --command in the job's command or commit it to .nuke/parameters.json.");
    }

    /// <summary>GitLab ranks trigger and API variables above its predefined ones, so GITLAB_CI=false is theirs to send.</summary>
    [Theory]
    [InlineData("GITLAB_CI", "false")]
    [InlineData("GITLAB_CI", "")]
    [InlineData("CI_JOB_TOKEN", "")]
    public async Task A_pipeline_variable_cannot_switch_pipeline_mode_off(string variable, string value)
    {
        run.Environment["GITLAB_CI"] = "true";
        run.Environment["CI_JOB_TOKEN"] = "job-token";
        run.Environment[variable] = value;
        run.Environment["COMMAND"] = "touch /tmp/canary";
        (await run.RunAsync<SampleBuild>(x => x.Show)).ShouldBe(2);
        run.Ran.ShouldBeEmpty();
        run.Error.ShouldContain("environment variable COMMAND is set, but in a pipeline --command is read only");
    }

    [Fact]
    public async Task The_builds_own_pipeline_switch_also_refuses_the_variable()
    {
        run.Environment["COMMAND"] = "touch /tmp/canary";
        (await run.RunAsync<SampleBuild>(x => x.Show, "--pipeline")).ShouldBe(2);
        run.Ran.ShouldBeEmpty();
        run.Error.ShouldContain("environment variable COMMAND is set, but in a pipeline --command is read only");
    }

    [Fact]
    public async Task In_a_pipeline_such_a_parameter_still_comes_from_the_command_line_and_the_committed_file()
    {
        run.Environment["GITLAB_CI"] = "true";
        (await run.RunAsync<SampleBuild>(x => x.Show, "--command", "from-cli")).ShouldBe(0, run.Error);
        await File.WriteAllTextAsync(ParametersFile, """{ "command": "from-file" }""");
        (await run.RunAsync<SampleBuild>(x => x.Show)).ShouldBe(0, run.Error);
        run.Ran.Count.ShouldBe(2);
        run.Ran[0].ShouldContain("command=from-cli");
        run.Ran[1].ShouldContain("command=from-file");
    }

    [Fact]
    public async Task Outside_a_pipeline_the_variable_is_read_as_any_other()
    {
        run.Environment["COMMAND"] = "from-variable";
        (await run.RunAsync<SampleBuild>(x => x.Show)).ShouldBe(0, run.Error);
        run.Ran.ShouldHaveSingleItem().ShouldContain("command=from-variable");
    }

    [Fact]
    public async Task Help_says_which_parameters_are_not_read_from_pipeline_variables_and_why()
    {
        run.Environment["GITLAB_CI"] = "true";
        run.Environment["COMMAND"] = "touch /tmp/canary";
        (await run.RunAsync<SampleBuild>(x => x.Show, "--help")).ShouldBe(0);
        run.Error.ShouldContain("warning: environment variable COMMAND is set, but in a pipeline --command is read only");
        run.Output.ShouldContain("env COMMAND outside pipelines only");
        run.Output.ShouldContain("\"Outside pipelines only\": in a pipeline (GITLAB_CI=true or --pipeline) these are read from the command line or");
    }

    [Theory]
    [InlineData("../secrets")]
    [InlineData(".hidden")]
    [InlineData("a/b")]
    public async Task A_profile_is_a_name_not_a_path(string profile)
    {
        (await run.RunAsync<SampleBuild>(x => x.Show, "--profile", profile)).ShouldBe(2);
        OneLine(run.Error).ShouldBe($"error: --profile {profile}: a profile is a name such as ci (letters, digits, '-', '_', '.'); it reads .nuke/parameters.<name>.json.");
    }

    private string ParametersFile => Path.Combine(run.Root, ".nuke", "parameters.json");

    private static string OneLine(string error)
    {
        var lines = error.TrimEnd().Split(Environment.NewLine);
        lines.Length.ShouldBe(1, error);
        lines[0].ShouldNotContain("Exception");
        return lines[0];
    }
}
