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
}
