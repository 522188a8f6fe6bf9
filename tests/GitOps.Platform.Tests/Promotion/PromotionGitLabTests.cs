using GitOps.Platform.GitLab;
using GitOps.Platform.Promotion;
using GitOps.Platform.Tests.GitLab;
using GitOps.TestDoubles.GitLab;

namespace GitOps.Platform.Tests.Promotion;

/// <summary>The real executor and the real GitLab client against the fake GitLab, with a bare git repository as the remote.</summary>
public sealed class PromotionGitLabTests : IDisposable
{
    // Retries in milliseconds; Retry-After from the fake still decides how long a throttled attempt waits.
    private static readonly GitLabClientOptions QuickRetries = new()
    {
        TotalTimeout = TimeSpan.FromSeconds(20),
        AttemptTimeout = TimeSpan.FromSeconds(5),
        RetryDelay = TimeSpan.FromMilliseconds(5),
        MaxRetryDelay = TimeSpan.FromMilliseconds(20),
    };

    private readonly PromotionRepository repository = new();

    public void Dispose() => repository.Dispose();

    [Fact]
    public async Task GitLab_throttling_during_merge_request_creation_leaves_exactly_one_merge_request()
    {
        await repository.InitializeAsync("1.3.0", "1.2.0");
        await using var gitLab = await FakeGitLab.StartAsync();
        gitLab.Faults.Throttle(1, retryAfter: "1", method: "POST", pathContains: "/merge_requests");
        gitLab.Faults.Throttle(1, retryAfter: "0", method: "POST", pathContains: "/merge_requests");
        gitLab.Faults.FailAfterProcessing(1, 502, method: "POST", pathContains: "/merge_requests");
        using var client = GitLabTestClient.Create(gitLab, options: QuickRetries);
        E2eRecord[] passed =
        [
            PromotionRepository.Record("gcp", "1.3.0", E2eResult.Passed),
            PromotionRepository.Record("aws", "1.3.0", E2eResult.Passed),
        ];

        var first = await repository.Executor(client).ExecuteAsync(PromotionPlanner.Plan(await repository.QaRequestAsync(passed)), CancellationToken.None);
        var rerun = await repository.Executor(client).ExecuteAsync(PromotionPlanner.Plan(await repository.QaRequestAsync(passed)), CancellationToken.None);

        var only = gitLab.MergeRequests.ShouldHaveSingleItem();
        only.Title.ShouldBe("Promote 1.3.0 to qa-int");
        only.SourceBranch.ShouldBe("promote/qa-int-1.3.0");
        only.TargetBranch.ShouldBe("main");
        only.State.ShouldBe("opened");
        first.ChangeRequest.ShouldNotBeNull().Number.ShouldBe(only.Iid);
        rerun.ChangeRequest.ShouldNotBeNull().Number.ShouldBe(only.Iid);
        rerun.ChangeRequest.Created.ShouldBeFalse();
        rerun.Pushed.ShouldBeFalse();

        // Two throttled POSTs and the one GitLab processed before its answer was lost; none sent after that.
        gitLab.Requests.Count(request => request.Method == "POST").ShouldBe(3);
    }
    /// <summary>
    /// A promotion that GitLab will refuse must not leave a branch behind: the project, the token and its role are
    /// checked before the push, so a wrong token, a missing project or a read-only role pushes nothing.
    /// </summary>
    [Theory]
    [InlineData("wrong-token", "42", "401 Unauthorized")]
    [InlineData("reporter", "42", "Developer")]
    [InlineData("maintainer", "4242", "404")]
    public async Task A_promotion_GitLab_would_refuse_pushes_nothing(string caller, string project, string expected)
    {
        await repository.InitializeAsync("1.3.0", "1.2.0");
        await using var gitLab = await FakeGitLab.StartAsync();
        var token = caller switch { "reporter" => gitLab.ReporterToken, "maintainer" => gitLab.MaintainerToken, _ => "glpat-not-a-token" };
        using var client = GitLabTestClient.Create(gitLab, token: token, project: project, options: QuickRetries);
        E2eRecord[] passed = [PromotionRepository.Record("gcp", "1.3.0", E2eResult.Passed), PromotionRepository.Record("aws", "1.3.0", E2eResult.Passed)];

        var plan = PromotionPlanner.Plan(await repository.QaRequestAsync(passed));

        var refused = await Should.ThrowAsync<GitLabApiException>(() => repository.Executor(client).ExecuteAsync(plan, CancellationToken.None));

        refused.Message.ShouldContain(expected);
        (await repository.Sandbox.RemoteBranchesAsync()).ShouldBe(["main"]);
        gitLab.MergeRequests.ShouldBeEmpty();
    }

    /// <summary>
    /// Review F5: with GitLab's fast-forward merge method every commit of a merged MR lands on main's first-parent line,
    /// so the pin rule (a pin must be a commit main has been at) no longer tells a merged MR from its inner commits.
    /// The promotion refuses such a project in one line naming the setting and the allowed values, before any push;
    /// "Merge commit" and "Merge commit with semi-linear history" are fine.
    /// </summary>
    [Theory]
    [InlineData("ff", false)]
    [InlineData("merge", true)]
    [InlineData("rebase_merge", true)]
    public async Task A_project_that_fast_forwards_merge_requests_is_refused_before_anything_is_pushed(string mergeMethod, bool allowed)
    {
        await repository.InitializeAsync("1.3.0", "1.2.0");
        await using var gitLab = await FakeGitLab.StartAsync();
        gitLab.MergeMethod = mergeMethod;
        using var client = GitLabTestClient.Create(gitLab, options: QuickRetries);
        E2eRecord[] passed = [PromotionRepository.Record("gcp", "1.3.0", E2eResult.Passed), PromotionRepository.Record("aws", "1.3.0", E2eResult.Passed)];
        var plan = PromotionPlanner.Plan(await repository.QaRequestAsync(passed));

        if (allowed)
        {
            (await repository.Executor(client).ExecuteAsync(plan, CancellationToken.None)).Pushed.ShouldBeTrue();
            gitLab.MergeRequests.ShouldHaveSingleItem();
            return;
        }

        var refused = await Should.ThrowAsync<GitLabConfigurationException>(() => repository.Executor(client).ExecuteAsync(plan, CancellationToken.None));

        refused.Message.ShouldBe($"GitLab project {gitLab.ProjectPath} merges merge requests by fast-forward (merge_method ff), which puts every commit of a merged "
            + "merge request on main's first-parent line, so a pin could name a commit main never ran as a whole; set Settings > Merge requests > Merge method "
            + "to \"Merge commit\" (merge) or \"Merge commit with semi-linear history\" (rebase_merge). Nothing was pushed.");
        refused.Message.ShouldNotContain("\n");
        (await repository.Sandbox.RemoteBranchesAsync()).ShouldBe(["main"]);
        gitLab.MergeRequests.ShouldBeEmpty();
    }

    /// <summary>Rollback goes back to a pair the stage ran: a project set up to fast-forward can still be rolled back.</summary>
    [Fact]
    public async Task A_rollback_is_not_blocked_by_a_fast_forward_merge_method()
    {
        await repository.InitializeAsync("1.0.0", "0.9.0");
        await repository.Sandbox.CommitFilesAsync(
            new[] { "environments/values-qa-gcp.yaml", "environments/values-qa-aws.yaml" }.ToDictionary(path => path, path => PromotionRepository.Render(path, "1.1.0")),
            "Promote 1.1.0 to qa");
        await repository.Sandbox.Git.RunAsync(["push", "--quiet", "origin", "main"], CancellationToken.None);
        await using var gitLab = await FakeGitLab.StartAsync();
        gitLab.MergeMethod = "ff";
        using var client = GitLabTestClient.Create(gitLab, options: QuickRetries);
        var plan = await new RollbackPlanner(repository.Sandbox.Git)
            .PlanAsync("qa", "1.0.0", await repository.FilesAsync("qa"), RejectedReleases.None, force: false, CancellationToken.None);

        var outcome = await repository.Executor(client).ExecuteAsync(plan, CancellationToken.None);

        outcome.Pushed.ShouldBeTrue();
        gitLab.MergeRequests.ShouldHaveSingleItem().SourceBranch.ShouldBe("rollback/qa-1.0.0");
    }
}
