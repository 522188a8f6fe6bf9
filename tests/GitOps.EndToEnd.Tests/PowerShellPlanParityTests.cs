using GitOps.EndToEnd.Tests.Support;

namespace GitOps.EndToEnd.Tests;

/// <summary>The real build through build.ps1 plans exactly what it plans through build.sh, for the same words.</summary>
[Collection(SharedClone.Name)]
public sealed class PowerShellPlanParityTests(FreshClone clone)
{
    public static TheoryData<string[]> ArgumentSets => new()
    {
        { ["--pipeline", "Provision", "--stage", "dev", "--cloud", "gcp", "--plan"] },
        { ["Provision", "--stage", "dev", "--cloud", "gcp", "--pipeline", "--plan"] },
        { ["Provision", "--stage", "dev", "--cloud", "gcp", "--skip", "DeployAppOfApps", "--plan"] },
        { ["--plan", "--skip", "PrepareSensitiveInformation", "Destroy", "--stage", "qa", "--cloud", "gcp"] },
        { ["OpenPromotionMR", "--stage", "qa", "--plan", "--debug"] },
        { ["--plan", "-Debug", "Verify"] },
        { ["Render", "--stage", "qa-int", "--cloud", "gcp", "-Verbose", "--plan"] },
        { ["--plan", "-ErrorAction:Stop", "Verify"] },
        { ["--plan", "--stage:dev", "Render"] },
        { ["--plan", "--%", "Verify"] },
        { ["--target", "Render", "--stage", "dev", "--cloud", "gcp", "--plan", "--", "GenerateCI"] },
        { ["--root", "/", "--plan"] },
    };

    [Theory]
    [MemberData(nameof(ArgumentSets))]
    public void Build_ps1_and_build_sh_plan_the_same_targets(string[] arguments)
    {
        clone.BuildSh("--help").ExitCode.ShouldBe(0, "a warm build, so that neither run below compiles");
        string[] words = [.. arguments, "--no-logo"];
        var viaSh = clone.BuildSh(words);
        var viaPs1 = PowerShell.RunFile(Path.Combine(clone.Root, "build.ps1"), words, clone.Root);

        viaPs1.ExitCode.ShouldBe(viaSh.ExitCode, viaPs1.Error);
        viaPs1.Output.ShouldBe(viaSh.Output);
        // Each names the entry point that was run in its hints (and --root's); everything else must be the same.
        viaPs1.Error.ShouldBe(viaSh.Error.Replace("build.sh", "build.ps1", StringComparison.Ordinal));
        if (viaSh.ExitCode == 0)
        {
            viaSh.Output.ShouldContain("Execution plan:");
        }
    }
}
