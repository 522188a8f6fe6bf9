using GitOps.EndToEnd.Tests.Support;

namespace GitOps.EndToEnd.Tests;

/// <summary>
/// MSBuild reads every environment variable as a property, and some of them name a file it imports: a pipeline variable
/// naming a targets file would run its Exec during build.sh's or build.ps1's compile (a cache miss on a new runner),
/// with the job's tokens in reach. In pipeline mode the compile gets an allowlisted environment; locally, the caller's.
/// </summary>
public sealed class BootstrapCompileEnvironmentTests
{
    private static readonly string[] ImportingProperties =
        ["CustomBeforeMicrosoftCommonTargets", "CustomAfterMicrosoftCommonTargets", "DirectoryBuildPropsPath"];

    public static TheoryData<string> Scripts => new() { "build.sh", "build.ps1" };

    [Theory]
    [MemberData(nameof(Scripts))]
    public void In_a_pipeline_a_variable_naming_a_targets_file_does_not_run_it_during_the_compile(string script)
    {
        using var repository = new BootstrapRepository();
        var canary = new Canary(repository.Parent);

        var run = Run(repository, script, canary.Environment(new() { ["GITLAB_CI"] = "true", ["CI"] = "true" }));

        run.ExitCode.ShouldBe(0, run.Error);
        run.Error.ShouldContain("Compiling the build");
        run.Output.ShouldStartWith("title: one\n");
        canary.Ran.ShouldBeEmpty($"{script} compiled with a pipeline variable's targets file imported");
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void A_marker_present_with_any_value_is_a_pipeline(string script)
    {
        using var repository = new BootstrapRepository();
        var canary = new Canary(repository.Parent);

        // A trigger can send GITLAB_CI=false; it cannot remove CI_JOB_ID, which the runner sets.
        var run = Run(repository, script, canary.Environment(new() { ["GITLAB_CI"] = "false", ["CI_JOB_ID"] = "1" }));

        run.ExitCode.ShouldBe(0, run.Error);
        canary.Ran.ShouldBeEmpty();
    }

    /// <summary>The canary's control: outside a pipeline the compile sees the caller's environment, as any build does.</summary>
    [Theory]
    [MemberData(nameof(Scripts))]
    public void Locally_the_compile_keeps_the_callers_environment(string script)
    {
        using var repository = new BootstrapRepository();
        var canary = new Canary(repository.Parent);

        var run = Run(repository, script, canary.Environment(new() { ["GITLAB_CI"] = null, ["CI"] = null, ["CI_JOB_ID"] = null, ["CI_JOB_TOKEN"] = null }));

        run.ExitCode.ShouldBe(0, run.Error);
        foreach (var property in ImportingProperties)
        {
            canary.Ran.ShouldContain($"{property} canary-token", $"{script}: the canary itself did not work");
        }
    }

    private static ProcessResult Run(BootstrapRepository repository, string script, Dictionary<string, string?> environment) =>
        script == "build.sh"
            ? repository.BuildSh(repository.Root, environment)
            : PowerShell.RunFile(Path.Combine(repository.Root, "build.ps1"), [], repository.Root, environment);

    /// <summary>A targets (or props) file per importing property, each appending its name and the token it saw to a log.</summary>
    private sealed class Canary
    {
        private readonly string directory;
        private readonly string log;

        public Canary(string parent)
        {
            directory = Path.Combine(parent, "evil");
            log = Path.Combine(parent, "evil.log");
            Directory.CreateDirectory(directory);
        }

        public IReadOnlyList<string> Ran => File.Exists(log) ? [.. File.ReadAllLines(log).Select(line => line.Trim()).Distinct(StringComparer.Ordinal)] : [];

        public Dictionary<string, string?> Environment(Dictionary<string, string?> markers)
        {
            var environment = new Dictionary<string, string?>(markers) { ["GCP_ID_TOKEN"] = "canary-token" };
            foreach (var property in ImportingProperties)
            {
                var file = Path.Combine(directory, property + ".targets");
                File.WriteAllText(file, $"""
                    <Project>
                      <Target Name="Evil{property}" BeforeTargets="Build;Restore;_GenerateRestoreGraph">
                        <Exec Command="echo {property} $GCP_ID_TOKEN &gt;&gt; '{log}'" />
                      </Target>
                    </Project>
                    """);
                environment[property] = file;
            }

            return environment;
        }
    }
}
