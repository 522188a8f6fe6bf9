using GitOps.Platform.Promotion;

namespace GitOps.Platform.Tests.Promotion;

public sealed class RollbackTests : IDisposable
{
    private readonly PromotionRepository repository = new();

    public void Dispose() => repository.Dispose();

    private async Task BumpQaAsync(string version) =>
        await repository.Sandbox.CommitFilesAsync(
            new[] { "environments/values-qa-gcp.yaml", "environments/values-qa-aws.yaml" }
                .ToDictionary(path => path, path => PromotionRepository.Render(path, version)),
            $"Promote {version} to qa");

    [Fact]
    public async Task Rollback_to_a_release_the_stage_ran_opens_a_rollback_merge_request()
    {
        await repository.InitializeAsync("1.0.0", "0.9.0");
        await BumpQaAsync("1.1.0");
        await BumpQaAsync("1.2.0");
        await repository.Sandbox.Git.RunAsync(["push", "--quiet", "origin", "main"], CancellationToken.None);

        var plan = await new RollbackPlanner(repository.Sandbox.Git)
            .PlanAsync("qa", "1.1.0", await repository.FilesAsync("qa"), RejectedReleases.None, force: false, CancellationToken.None);
        var outcome = await repository.Executor().ExecuteAsync(plan, CancellationToken.None);

        plan.Title.ShouldBe("Roll back qa to 1.1.0");
        outcome.Branch.ShouldBe("rollback/qa-1.1.0");
        (await repository.RemoteBytesAsync("rollback/qa-1.1.0", "environments/values-qa-gcp.yaml"))
            .ShouldBe(PromotionRepository.Render("environments/values-qa-gcp.yaml", "1.1.0"));
        repository.Host.OpenRequests.ShouldHaveSingleItem().Description.ShouldContain("| `1.2.0` | `1.1.0` |");
    }

    [Fact]
    public async Task Rollback_to_a_release_never_deployed_is_refused_naming_the_known_ones()
    {
        await repository.InitializeAsync("1.0.0", "0.9.0");
        await BumpQaAsync("1.1.0");

        var refusal = await Should.ThrowAsync<PromotionRefusedException>(async () => await new RollbackPlanner(repository.Sandbox.Git)
            .PlanAsync("qa", "0.9.0", await repository.FilesAsync("qa"), RejectedReleases.None, force: false, CancellationToken.None));

        refusal.Reason.ShouldBe(RefusalReason.UnknownRollbackVersion);
        refusal.Message.ShouldBe(
            "Cannot roll back qa to 0.9.0: environments/values-qa-gcp.yaml never held it (its history has 1.1.0, 1.0.0); roll back only to a release qa-gcp ran");
    }
}
