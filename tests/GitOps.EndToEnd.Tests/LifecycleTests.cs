using GitOps.EndToEnd.Tests.Support;

namespace GitOps.EndToEnd.Tests;

/// <summary>The lifecycle targets as a user runs them from a fresh clone: guards that hold before anything is touched.</summary>
[Collection(SharedClone.Name)]
public sealed class LifecycleTests(FreshClone clone)
{
    [Fact]
    public void Destroying_prod_from_a_pipeline_without_confirmation_exits_2_before_anything_runs()
    {
        var result = clone.BuildSh("Destroy", "--stage", "prod", "--cloud", "gcp", "--pipeline", "--no-logo");

        result.ExitCode.ShouldBe(2, result.Output + result.Error);
        result.Error.Trim().Split('\n')[^1].ShouldBe("error: Destroying prod-gcp needs --confirm-destroy prod-gcp (exactly <stage>-<cloud>, or <stage>-mgmt for the management cluster); it was not given. Nothing was destroyed.");
        result.Output.ShouldBeEmpty("refused before any target ran");
    }

    [Fact]
    public void Destroying_prod_from_a_pipeline_job_that_was_not_started_by_hand_exits_2_even_when_confirmed()
    {
        var result = clone.BuildSh(
            new Dictionary<string, string?> { ["GITLAB_CI"] = "true", ["CI_JOB_MANUAL"] = null },
            "Destroy", "--stage", "prod", "--cloud", "gcp", "--confirm-destroy", "prod-gcp", "--no-logo");

        result.ExitCode.ShouldBe(2, result.Output + result.Error);
        result.Error.ShouldContain("Destroying prod-gcp from a pipeline runs only in a manual job (when: manual, CI_JOB_MANUAL=true)");
        result.Output.ShouldBeEmpty("refused before any target ran");
    }

    [Fact]
    public void Plans_show_the_seed_sequence_and_terraform_only_skips_the_deploy()
    {
        var provision = clone.BuildSh("ProvisionManagementCluster", "Provision", "--stage", "dev", "--cloud", "gcp", "--mgmt-cloud", "gcp", "--plan");
        provision.ExitCode.ShouldBe(0, provision.Error);
        Steps(provision.Output).ShouldBe(["PrepareSensitiveInformation", "ProvisionManagementCluster", "Provision", "DeployAppOfApps"]);

        var terraformOnly = clone.BuildSh("Provision", "--stage", "dev", "--cloud", "gcp", "--terraform-only", "--plan");
        terraformOnly.ExitCode.ShouldBe(0, terraformOnly.Error);
        terraformOnly.Output.ShouldContain("3. DeployAppOfApps  (skipped: --terraform-only is set: only the Terraform targets run)");

        // --plan checks what the run would: in a pipeline Provision needs the committed lock file, which this clone lacks.
        var pipelineProvision = clone.BuildSh("Provision", "--stage", "dev", "--cloud", "gcp", "--pipeline", "--plan");
        pipelineProvision.ExitCode.ShouldBe(2, pipelineProvision.Output + pipelineProvision.Error);
        pipelineProvision.Error.ShouldContain(".terraform.lock.hcl is not committed");

        // A skipped step says why in the user's terms, not as the condition's source text (!IsPipeline read as its opposite).
        var pipeline = clone.BuildSh("OpenPromotionMR", "--stage", "qa", "--cloud", "gcp", "--pipeline", "--plan");
        pipeline.ExitCode.ShouldBe(0, pipeline.Error);
        pipeline.Output.ShouldContain("PrepareSensitiveInformation  (skipped: pipeline mode: the job's CI/CD variables are already in its environment)");
        pipeline.Output.ShouldNotContain("!IsPipeline");

        var teardown = clone.BuildSh("Destroy", "DestroyManagementCluster", "--stage", "dev", "--cloud", "gcp", "--mgmt-cloud", "gcp", "--plan");
        teardown.ExitCode.ShouldBe(0, teardown.Error);
        Steps(teardown.Output).ShouldBe(["PrepareSensitiveInformation", "Destroy", "DestroyManagementCluster"]);
    }

    [Fact]
    public void Help_lists_the_lifecycle_parameters()
    {
        var help = clone.BuildSh("--help");

        help.ExitCode.ShouldBe(0, help.Error);
        help.Output.ShouldContain("DestroyManagementCluster");
        help.Output.ShouldContain("--confirm-destroy");
        help.Output.ShouldContain("--tf-state-bucket");
    }

    // Plan lines read "   2. Provision" (plus a note when skipped).
    private static List<string> Steps(string plan) =>
    [
        .. plan.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 2 && char.IsDigit(line[0]) && line.Contains(". ", StringComparison.Ordinal))
            .Select(line => line[(line.IndexOf(". ", StringComparison.Ordinal) + 2)..].Split(' ')[0]),
    ];
}
