using GitOps.EndToEnd.Tests.Support;

namespace GitOps.EndToEnd.Tests;

/// <summary>
/// Every main pipeline keeps its manual Provision and Destroy buttons. Pressed after newer commits landed, such a job
/// would act on a cluster with outdated Terraform and manifests: the generated manual jobs pass
/// --require-newest-commit, and the build refuses (exit 2, one line, before any target) unless the checkout is the head
/// of origin's default branch. Real git, with a bare repository on disk as origin.
/// </summary>
[Collection(SharedClone.Name)]
public sealed class StaleManualJobTests(FreshClone clone)
{
    private const string Stale = "is no longer the head of main";

    [Fact]
    public async Task A_manual_job_from_an_old_pipeline_refuses_naming_the_current_commit_and_touches_nothing()
    {
        await using var sandbox = await PromotionSandbox.CreateAsync(clone, "1.4.2");
        var current = sandbox.Build("Destroy", "--stage", "dev", "--cloud", "gcp", "--require-newest-commit", "true");
        current.Error.ShouldNotContain(Stale, customMessage: "the checkout is the head of main");

        // Someone merges a newer commit; this pipeline's checkout stays where it was.
        var old = sandbox.Git("rev-parse", "HEAD").Trim();
        sandbox.Git("-c", "user.name=Test", "-c", "user.email=test@example.invalid", "commit", "--quiet", "--allow-empty", "-m", "newer");
        var newer = sandbox.Git("rev-parse", "HEAD").Trim();
        sandbox.Git("push", "--quiet", "origin", "HEAD:refs/heads/main");
        sandbox.Git("reset", "--quiet", "--hard", old);

        var refused = sandbox.Build("Destroy", "--stage", "dev", "--cloud", "gcp", "--require-newest-commit", "true");

        refused.ExitCode.ShouldBe(2, refused.Output + refused.Error);
        refused.Error.Trim().ShouldBe(
            $"error: this pipeline's commit {old[..12]} {Stale}, which is {newer[..12]}: play main:Destroy:dev-gcp in the newest main pipeline "
            + $"({sandbox.GitLab.WebUrl.ToString().TrimEnd('/')}/{sandbox.GitLab.ProjectPath}/-/pipelines?ref=main). Nothing was run.");
        refused.Output.ShouldBeEmpty("refused before any target ran");

        // The automatic jobs carry no such flag: they run when their pipeline is created.
        var automatic = sandbox.Build("Destroy", "--stage", "dev", "--cloud", "gcp");
        automatic.Error.ShouldNotContain(Stale);
    }
    [Fact]
    public async Task A_pipeline_variable_cannot_point_the_guard_at_another_origin()
    {
        await using var sandbox = await PromotionSandbox.CreateAsync(clone, "1.4.2");
        var old = sandbox.Git("rev-parse", "HEAD").Trim();

        // A copy of origin frozen at this pipeline's commit: what an attacker's repository would answer.
        var frozen = Path.Combine(sandbox.Parent, "frozen.git");
        FreshClone.Git(sandbox.Parent, "clone", "--quiet", "--bare", sandbox.Origin, frozen);
        sandbox.Git("-c", "user.name=Test", "-c", "user.email=test@example.invalid", "commit", "--quiet", "--allow-empty", "-m", "newer");
        sandbox.Git("push", "--quiet", "origin", "HEAD:refs/heads/main");
        sandbox.Git("reset", "--quiet", "--hard", old);

        // GIT_CONFIG_* in the job's environment (a pipeline variable) rewrites origin's URL to the frozen copy.
        var redirect = new Dictionary<string, string?>
        {
            ["GIT_CONFIG_COUNT"] = "1",
            ["GIT_CONFIG_KEY_0"] = $"url.{frozen}.insteadOf",
            ["GIT_CONFIG_VALUE_0"] = sandbox.Origin,
        };
        var refused = sandbox.Build(redirect, "Destroy", "--stage", "dev", "--cloud", "gcp", "--require-newest-commit", "true");

        refused.ExitCode.ShouldBe(2, refused.Output + refused.Error);
        refused.Error.ShouldContain(Stale);
        refused.Output.ShouldBeEmpty("refused before any target ran");
    }
}
