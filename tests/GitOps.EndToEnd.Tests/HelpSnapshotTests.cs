using GitOps.EndToEnd.Tests.Support;

namespace GitOps.EndToEnd.Tests;

/// <summary>The real build's --help is what a newcomer reads first: any change to it shows up in review.</summary>
[Collection(SharedClone.Name)]
public sealed class HelpSnapshotTests(FreshClone clone)
{
    [Fact]
    public void Help_of_the_real_build_matches_the_snapshot()
    {
        // The help shows each parameter's current value: unset every parameter variable this machine may happen to have.
        var unset = System.Text.RegularExpressions.Regex.Matches(clone.BuildSh("--help").Output, @"env ([A-Z0-9_]+);")
            .ToDictionary(match => match.Groups[1].Value, _ => (string?)null);
        var result = clone.BuildSh(unset, "--help", "--no-logo");
        result.ExitCode.ShouldBe(0, result.Error);
        var expectedPath = Path.Combine(clone.Source, "tests", "GitOps.EndToEnd.Tests", "Snapshots", "build-help.txt");
        var actual = result.Output.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            // In CI an update would make this test pass whatever --help prints.
            Environment.GetEnvironmentVariable("CI").ShouldBeNullOrEmpty("UPDATE_SNAPSHOTS=1 is refused when CI is set: it would pass any output; update the snapshot locally and commit it");
            File.WriteAllText(expectedPath, actual);
        }

        File.Exists(expectedPath).ShouldBeTrue($"missing {expectedPath}; run the test with UPDATE_SNAPSHOTS=1 and commit it");
        actual.ShouldBe(File.ReadAllText(expectedPath), "rerun with UPDATE_SNAPSHOTS=1 if the change to --help is intended");
    }

    [Fact]
    public void The_committed_parameters_schema_is_what_the_build_generates()
    {
        clone.BuildSh("--help").ExitCode.ShouldBe(0);
        FreshClone.Git(clone.Root, "status", "--porcelain", "--", ".nuke/build.schema.json").ShouldBeEmpty(
            "the build rewrote .nuke/build.schema.json: run ./build.sh --help and commit it");
    }
}
