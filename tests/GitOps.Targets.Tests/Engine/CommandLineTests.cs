using GitOps.Targets.Tests.Support;

namespace GitOps.Targets.Tests.Engine;

public sealed class CommandLineTests : IDisposable
{
    private readonly BuildRun run = new();

    public void Dispose() => run.Dispose();

    [Fact]
    public async Task Words_after_a_flag_are_targets()
    {
        (await run.RunAsync<SampleBuild>(x => x.Show, "--plan", "UnitTest")).ShouldBe(0);
        run.Output.ShouldContain("3. UnitTest");

        (await run.RunAsync<SampleBuild>(x => x.Restore, "--no-logo", "Clean")).ShouldBe(0);
        run.Ran.ShouldBe(["Clean"]);
    }

    [Fact]
    public async Task A_boolean_parameter_takes_only_a_boolean_word()
    {
        (await run.RunAsync<SampleBuild>(x => x.Restore, "--flag", "Show")).ShouldBe(0);
        run.Ran.Single().ShouldContain("flag=True");

        (await run.RunAsync<SampleBuild>(x => x.Restore, "--flag", "false", "Show")).ShouldBe(0);
        run.Ran[^1].ShouldContain("flag=False");
    }

    [Fact]
    public async Task Targets_joined_with_plus_work_positionally_and_with_target()
    {
        (await run.RunAsync<SampleBuild>(x => x.Show, "--target", "Clean+Restore")).ShouldBe(0);
        run.Ran.ShouldBe(["Clean", "Restore"]);
    }

    [Fact]
    public async Task Skip_never_skips_a_target_named_on_the_command_line()
    {
        (await run.RunAsync<SampleBuild>(x => x.Show, "Compile", "--skip", "Compile", "Restore")).ShouldBe(0);
        run.Ran.ShouldBe(["Compile"]);
    }

    [Fact]
    public async Task A_command_line_only_parameter_ignores_the_environment_and_files()
    {
        run.Environment["OVERRIDE"] = "true";
        await File.WriteAllTextAsync(Path.Combine(run.Root, ".nuke", "parameters.json"), """{ "override": true }""");
        (await run.RunAsync<SampleBuild>(x => x.Show)).ShouldBe(0);
        run.Ran[^1].ShouldContain("override=False");

        (await run.RunAsync<SampleBuild>(x => x.Show, "--override")).ShouldBe(0);
        run.Ran[^1].ShouldContain("override=True");
        (await run.RunAsync<SampleBuild>(x => x.Show, "--help")).ShouldBe(0);
        run.Output.ShouldContain("command line only");
    }

    [Fact]
    public async Task Help_still_helps_when_a_variable_holds_a_bad_value()
    {
        run.Environment["FLAVOUR"] = "spicy";
        (await run.RunAsync<SampleBuild>(x => x.Show, "--help")).ShouldBe(0);
        run.Error.ShouldContain("warning: environment variable FLAVOUR: 'spicy' is not a valid value");
        run.Output.ShouldContain("Targets (with their direct dependencies):");
    }

    [Fact]
    public async Task The_root_is_found_from_the_compiled_build_when_run_from_elsewhere()
    {
        var elsewhere = Directory.CreateTempSubdirectory("gitops-elsewhere-").FullName;
        try
        {
            run.WorkingDirectory = elsewhere;
            run.BuildDirectory = Path.Combine(run.Root, ".nuke", "temp", "build-bin");
            (await run.RunAsync<SampleBuild>(x => x.Show, "--plan")).ShouldBe(0);
            File.Exists(Path.Combine(run.Root, ".nuke", "temp", "plan.mmd")).ShouldBeTrue();
            Directory.Exists(Path.Combine(elsewhere, ".nuke")).ShouldBeFalse();
        }
        finally
        {
            Directory.Delete(elsewhere, recursive: true);
        }
    }

    [Fact]
    public async Task Parameters_files_accept_a_byte_order_mark_and_reject_duplicates_and_trailing_content()
    {
        var file = Path.Combine(run.Root, ".nuke", "parameters.json");
        await File.WriteAllBytesAsync(file, [0xEF, 0xBB, 0xBF, .. "{ \"count\": 3 }"u8.ToArray()]);
        (await run.RunAsync<SampleBuild>(x => x.Show)).ShouldBe(0);
        run.Ran[^1].ShouldContain("count=3");

        await File.WriteAllTextAsync(file, "{\n  \"count\": 3,\n  \"Count\": 4\n}");
        (await run.RunAsync<SampleBuild>(x => x.Show)).ShouldBe(2);
        run.Error.ShouldContain(".nuke/parameters.json:3: 'Count' is set twice (also on line 2).");

        await File.WriteAllTextAsync(file, "{ \"count\": 3 } trailing");
        (await run.RunAsync<SampleBuild>(x => x.Show)).ShouldBe(2);
        run.Error.ShouldContain(".nuke/parameters.json:1: not valid JSON");
    }

    [Fact]
    public async Task An_unexpected_engine_error_is_one_line_with_exit_1_not_a_crash()
    {
        // A directory where the schema goes: it cannot be written, which no check foresees.
        Directory.CreateDirectory(Path.Combine(run.Root, ".nuke", "build.schema.json"));
        (await run.RunAsync<SampleBuild>(x => x.Show, "--verbosity", "verbose")).ShouldBe(1);
        run.Error.ShouldStartWith("error: unexpected error, a bug in the build");
        run.Error.Trim().ShouldNotContain(Environment.NewLine);
        run.Error.ShouldNotContain("   at ");
        run.Error.ShouldNotContain("Exception");
        run.LogFile.ShouldContain("   at ");
    }

    [Fact]
    public async Task A_background_process_holding_the_output_open_does_not_hang_the_target()
    {
        (await run.RunAsync<SampleBuild>(x => x.Show, "BackgroundChild")).ShouldBe(0);
        run.Output.ShouldContain("started");
    }
}
