using GitOps.Platform.Promotion;

namespace GitOps.Platform.Tests.Promotion;

/// <summary>
/// A promotion killed mid-way (Ctrl+C, a cancelled CI job) leaves what its `finally` never removed: the worktree
/// under the worktree root and the local promotion branch checked out there. The rerun must recover by itself.
/// </summary>
public sealed class PromotionInterruptionTests : IDisposable
{
    private const string Branch = "promote/qa-int-1.3.0";
    private readonly PromotionRepository repository = new();

    public void Dispose() => repository.Dispose();

    private static E2eRecord[] Passed() =>
        [PromotionRepository.Record("gcp", "1.3.0", E2eResult.Passed), PromotionRepository.Record("aws", "1.3.0", E2eResult.Passed)];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_rerun_after_an_interrupted_promotion_recovers_and_leaves_one_branch_and_one_merge_request(bool worktreeDirectoryWasCleanedUp)
    {
        await repository.InitializeAsync("1.3.0", "1.2.0");
        var stale = await LeaveWhatAKilledRunLeavesAsync();
        if (worktreeDirectoryWasCleanedUp)
        {
            Directory.Delete(stale, recursive: true); // e.g. /tmp emptied by a reboot: git still lists the worktree
        }

        var outcome = await repository.Executor().ExecuteAsync(PromotionPlanner.Plan(await repository.QaRequestAsync(Passed())), CancellationToken.None);

        outcome.Pushed.ShouldBeTrue();
        (await repository.Sandbox.RemoteBranchesAsync()).ShouldBe(["main", Branch], ignoreOrder: true);
        (await repository.RemoteBytesAsync(Branch, "environments/values-qa-int-gcp.yaml"))
            .ShouldBe(PromotionRepository.Render("environments/values-qa-int-gcp.yaml", "1.3.0"));
        repository.Host.OpenRequests.ShouldHaveSingleItem().SourceBranch.ShouldBe(Branch);

        // Nothing of either run is left behind: no worktree but the checkout itself, no local promotion branch.
        var worktrees = await repository.Sandbox.Git.RunAsync(["worktree", "list", "--porcelain"], CancellationToken.None);
        worktrees.Split('\n').Count(line => line.StartsWith("worktree ", StringComparison.Ordinal)).ShouldBe(1);
        (await repository.Sandbox.Git.RevParseAsync("refs/heads/" + Branch, CancellationToken.None)).ShouldBeNull();
        Directory.Exists(stale).ShouldBeFalse();
    }

    [Fact]
    public async Task A_rerun_after_a_run_killed_between_push_and_merge_request_opens_the_one_merge_request()
    {
        await repository.InitializeAsync("1.3.0", "1.2.0");
        var plan = PromotionPlanner.Plan(await repository.QaRequestAsync(Passed()));
        using var unreachable = new FailingHost();
        await Should.ThrowAsync<InvalidOperationException>(() => repository.Executor(unreachable).ExecuteAsync(plan, CancellationToken.None));
        await LeaveWhatAKilledRunLeavesAsync();

        var outcome = await repository.Executor().ExecuteAsync(PromotionPlanner.Plan(await repository.QaRequestAsync(Passed())), CancellationToken.None);

        outcome.Pushed.ShouldBeFalse(); // the first run's commit already holds the change
        repository.Host.OpenRequests.ShouldHaveSingleItem().SourceBranch.ShouldBe(Branch);
        (await repository.Sandbox.RemoteBranchesAsync()).ShouldBe(["main", Branch], ignoreOrder: true);
    }

    /// <summary>The worktree as `git worktree add -B` made it, with a half-written edit, and never removed.</summary>
    private async Task<string> LeaveWhatAKilledRunLeavesAsync()
    {
        var directory = Path.Combine(repository.Settings.WorktreeRoot, "killed0000ab");
        Directory.CreateDirectory(repository.Settings.WorktreeRoot);
        await repository.Sandbox.Git.RunAsync(["worktree", "add", "--quiet", "-B", Branch, directory, "origin/main"], CancellationToken.None);
        await File.WriteAllTextAsync(Path.Combine(directory, "environments/values-qa-int-gcp.yaml"), "deployedRelease: 1.");
        return directory;
    }

    private sealed class FailingHost : GitOps.Platform.ChangeRequests.IChangeRequestHost
    {
        // It answers the access check and goes away afterwards, between the push and the merge request.
        public Task CheckAccessAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<GitOps.Platform.ChangeRequests.ChangeRequest> OpenOrUpdateAsync(GitOps.Platform.ChangeRequests.ChangeRequestDraft draft, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the host went away");

        public void Dispose()
        {
        }
    }
}
