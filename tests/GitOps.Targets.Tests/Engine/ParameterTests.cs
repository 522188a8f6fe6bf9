using GitOps.Targets.Tests.Support;

namespace GitOps.Targets.Tests.Engine;

public sealed class ParameterTests : IDisposable
{
    private readonly BuildRun run = new();

    public void Dispose() => run.Dispose();

    [Fact]
    public async Task Typed_values_bind_from_the_command_line()
    {
        (await run.RunAsync<SampleBuild>(x => x.Show, "--flavour", "extra-hot", "--count", "3", "--names", "a", "b,c", "--flag", "--wait", "1m30s")).ShouldBe(0);
        run.Ran.ShouldBe(["Show flavour=ExtraHot count=3 names=a|b|c flag=True wait=00:01:30 override=False command="]);
    }

    [Fact]
    public async Task Command_line_beats_environment_beats_profile_beats_parameters_file_beats_default()
    {
        await File.WriteAllTextAsync(Path.Combine(run.Root, ".nuke", "parameters.json"), """{ "$schema": "./build.schema.json", "Count": 4, "flavour": "plain", "names": ["base"] }""");
        await File.WriteAllTextAsync(Path.Combine(run.Root, ".nuke", "parameters.ci.json"), """{ "count": 5, "names": ["profile"] }""");
        run.Environment["COUNT"] = "6";

        await run.RunAsync<SampleBuild>(x => x.Show, "--count", "7", "--profile", "ci");
        await run.RunAsync<SampleBuild>(x => x.Show, "--profile", "ci");
        run.Environment.Remove("COUNT");
        await run.RunAsync<SampleBuild>(x => x.Show, "--profile", "ci");
        await run.RunAsync<SampleBuild>(x => x.Show);
        File.Delete(Path.Combine(run.Root, ".nuke", "parameters.json"));
        await run.RunAsync<SampleBuild>(x => x.Show);

        run.Ran.Select(entry => entry.Split(' ')[2]).ShouldBe(["count=7", "count=6", "count=5", "count=4", "count=1"]);
        run.Ran[2].ShouldContain("names=profile");
        run.Ran[3].ShouldContain("names=base");
    }

    [Fact]
    public async Task Unknown_parameter_names_the_closest_one()
    {
        (await run.RunAsync<SampleBuild>(x => x.Show, "--flavor", "plain")).ShouldBe(2);
        run.Error.ShouldBe("error: Unknown parameter '--flavor'. Did you mean '--flavour'? Run ./build.sh --help to list the parameters." + Environment.NewLine);
    }

    [Fact]
    public async Task Bad_value_lists_the_allowed_values()
    {
        (await run.RunAsync<SampleBuild>(x => x.Show, "--flavour", "spicy")).ShouldBe(2);
        run.Error.ShouldContain("--flavour: 'spicy' is not a valid value; allowed values: plain, extra-hot.");
    }

    [Fact]
    public async Task Bad_value_from_the_environment_names_the_variable()
    {
        run.Environment["FLAVOUR"] = "spicy";
        (await run.RunAsync<SampleBuild>(x => x.Show)).ShouldBe(2);
        run.Error.ShouldContain("environment variable FLAVOUR: 'spicy' is not a valid value for --flavour; allowed values: plain, extra-hot.");
    }

    [Fact]
    public async Task Unknown_key_in_a_parameters_file_names_file_and_line()
    {
        await File.WriteAllTextAsync(Path.Combine(run.Root, ".nuke", "parameters.json"), "{\n  \"count\": 2,\n  \"colour\": \"red\"\n}");
        (await run.RunAsync<SampleBuild>(x => x.Show)).ShouldBe(2);
        run.Error.ShouldContain(".nuke/parameters.json:3: unknown parameter 'colour'.");
    }

    [Fact]
    public async Task Missing_profile_lists_the_available_ones()
    {
        await File.WriteAllTextAsync(Path.Combine(run.Root, ".nuke", "parameters.ci.json"), "{}");
        (await run.RunAsync<SampleBuild>(x => x.Show, "--profile", "prod")).ShouldBe(2);
        run.Error.ShouldContain("available profiles: ci");
    }

    [Fact]
    public async Task Requires_fails_before_anything_runs_naming_flag_and_variable()
    {
        (await run.RunAsync<SampleBuild>(x => x.Show, "Publish")).ShouldBe(2);
        run.Ran.ShouldBeEmpty();
        run.Error.ShouldContain("Missing --flavour (or the environment variable FLAVOUR); allowed values: plain, extra-hot (needed by Publish)");
    }

    [Fact]
    public async Task Schema_is_generated_and_only_rewritten_when_it_changes()
    {
        var schema = Path.Combine(run.Root, ".nuke", "build.schema.json");
        await run.RunAsync<SampleBuild>(x => x.Show, "--help");
        var text = await File.ReadAllTextAsync(schema);
        text.ShouldContain("\"flavour\"");
        text.ShouldContain("\"extra-hot\"");
        var written = File.GetLastWriteTimeUtc(schema);
        File.SetLastWriteTimeUtc(schema, written.AddHours(-1));
        await run.RunAsync<SampleBuild>(x => x.Show, "--help");
        File.GetLastWriteTimeUtc(schema).ShouldBe(written.AddHours(-1));
    }
}
