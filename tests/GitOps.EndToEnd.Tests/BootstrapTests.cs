using GitOps.EndToEnd.Tests.Support;

namespace GitOps.EndToEnd.Tests;

/// <summary>A newcomer's first minutes: ./build.sh on a fresh clone.</summary>
[Collection(SharedClone.Name)]
public sealed class BootstrapTests(FreshClone clone)
{
    [Fact]
    public void First_run_compiles_second_does_not_and_an_edit_recompiles()
    {
        // Other tests share this clone and may or may not have run first: start from a clone that was never built.
        var compiled = Path.Combine(clone.Root, ".nuke", "temp", "build-bin");
        if (Directory.Exists(compiled))
        {
            Directory.Delete(compiled, recursive: true);
        }

        var stamp = Path.Combine(clone.Root, ".nuke", "temp", "build.stamp");
        if (File.Exists(stamp))
        {
            File.Delete(stamp);
        }

        var first = clone.BuildSh("--help", "--no-logo");
        first.ExitCode.ShouldBe(0, first.Error);
        first.Error.ShouldContain("Compiling the build");
        first.Output.ShouldContain("Provision");
        first.Output.ShouldContain("Verify (default)");
        first.Output.ShouldContain("--stage <dev|nightly|qa|qa-int|prod>");

        var second = clone.BuildSh("--help");
        second.ExitCode.ShouldBe(0);
        second.Error.ShouldNotContain("Compiling");

        var build = Path.Combine(clone.Root, "build", "Build.cs");
        var original = File.ReadAllText(build);
        try
        {
            File.WriteAllText(build, original.Replace("typed targets from nothing to production and back", "edited title", StringComparison.Ordinal));
            var edited = clone.BuildSh("--help");
            edited.Error.ShouldContain("Compiling the build");
            edited.Output.ShouldStartWith("GitOps build: edited title");
        }
        finally
        {
            File.WriteAllText(build, original);
        }
    }

    [Fact]
    public void Wrong_stage_exits_2_with_the_allowed_values()
    {
        var result = clone.BuildSh("Provision", "--stage", "staging", "--cloud", "gcp");
        result.ExitCode.ShouldBe(2);
        result.Error.Trim().ShouldBe("error: --stage: 'staging' is not a valid value; allowed values: dev, nightly, qa, qa-int, prod.");
    }

    [Fact]
    public void Touching_files_without_changing_them_does_not_recompile()
    {
        clone.BuildSh("--help").ExitCode.ShouldBe(0);
        File.SetLastWriteTimeUtc(Path.Combine(clone.Root, "build", "Build.cs"), DateTime.UtcNow);
        var touched = clone.BuildSh("--help");
        touched.ExitCode.ShouldBe(0);
        touched.Error.ShouldNotContain("Compiling");
    }

    [Fact]
    public void Running_from_another_directory_uses_the_repository_as_root()
    {
        var elsewhere = Directory.CreateTempSubdirectory("gitops-cwd-").FullName;
        try
        {
            var result = ProcessResult.Run(Path.Combine(clone.Root, "build.sh"), ["Render", "--stage", "dev", "--cloud", "gcp"], elsewhere, new Dictionary<string, string?>());
            result.ExitCode.ShouldBe(0, result.Output + result.Error);
            Directory.Exists(Path.Combine(clone.Root, ".nuke", "temp", "rendered", "dev-gcp")).ShouldBeTrue();
            Directory.Exists(Path.Combine(elsewhere, ".nuke")).ShouldBeFalse();
        }
        finally
        {
            Directory.Delete(elsewhere, recursive: true);
        }
    }

    [Fact]
    public void Wrong_cloud_and_unknown_target_exit_2()
    {
        var cloud = clone.BuildSh("Provision", "--stage", "dev", "--cloud", "aws");
        cloud.ExitCode.ShouldBe(2);
        cloud.Error.ShouldContain("allowed values: gcp");

        var target = clone.BuildSh("Provison");
        target.ExitCode.ShouldBe(2);
        target.Error.ShouldContain("Did you mean 'Provision'?");
    }

    [Fact]
    public void Plan_of_provision_shows_the_seed_sequence_and_promotion_runs_e2e_first()
    {
        var provision = clone.BuildSh("Provision", "--stage", "dev", "--cloud", "gcp", "--plan");
        provision.ExitCode.ShouldBe(0, provision.Error);
        provision.Output.ShouldContain("1. PrepareSensitiveInformation");
        provision.Output.ShouldContain("2. Provision");
        provision.Output.ShouldContain("3. DeployAppOfApps");

        var promotion = clone.BuildSh("OpenPromotionMR", "--stage", "qa", "--cloud", "gcp", "--plan");
        promotion.ExitCode.ShouldBe(0, promotion.Error);
        var runE2E = promotion.Output.IndexOf(". RunE2E", StringComparison.Ordinal);
        runE2E.ShouldBeGreaterThan(0);
        runE2E.ShouldBeLessThan(promotion.Output.IndexOf(". OpenPromotionMR", StringComparison.Ordinal));
    }
}
