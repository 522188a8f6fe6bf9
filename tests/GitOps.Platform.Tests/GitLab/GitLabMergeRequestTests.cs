using GitOps.Platform.ChangeRequests;
using GitOps.TestDoubles.GitLab;

namespace GitOps.Platform.Tests.GitLab;

public sealed class GitLabMergeRequestTests
{
    private static readonly ChangeRequestDraft Draft = new("promote/qa-1.2.0", "qa", "Promote 1.2.0 to qa", "e2e passed on dev");

    [Fact]
    public async Task Opens_a_merge_request_then_updates_it_instead_of_opening_another()
    {
        await using var fake = await FakeGitLab.StartAsync();
        using var client = GitLabTestClient.Create(fake);

        var first = await client.OpenOrUpdateAsync(Draft, CancellationToken.None);
        var second = await client.OpenOrUpdateAsync(Draft with { Title = "Promote 1.2.1 to qa" }, CancellationToken.None);

        first.Created.ShouldBeTrue();
        second.Created.ShouldBeFalse();
        second.Number.ShouldBe(first.Number);
        second.WebUrl.ShouldEndWith("/platform/gitops/-/merge_requests/1");
        var only = fake.MergeRequests.ShouldHaveSingleItem();
        only.Title.ShouldBe("Promote 1.2.1 to qa");
        only.Description.ShouldBe("e2e passed on dev");
    }

    [Fact]
    public async Task A_closed_merge_request_for_the_same_branches_does_not_count()
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.AddMergeRequest(Draft.SourceBranch, Draft.TargetBranch, "old", state: "closed");
        using var client = GitLabTestClient.Create(fake);

        var opened = await client.OpenOrUpdateAsync(Draft, CancellationToken.None);

        opened.Created.ShouldBeTrue();
        opened.Number.ShouldBe(2);
        fake.Requests[0].Query.ShouldContain("state=opened");
    }

    [Fact]
    public async Task A_409_for_an_already_open_merge_request_updates_that_one()
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.AddMergeRequest("other", "qa", "unrelated");
        fake.AddMergeRequest(Draft.SourceBranch, Draft.TargetBranch, "stale title");
        using var client = GitLabTestClient.Create(fake);

        var result = await client.CreateMergeRequestAsync(Draft, CancellationToken.None);

        result.Iid.ShouldBe(2);
        fake.MergeRequests.Count.ShouldBe(2);
        fake.MergeRequests[1].Title.ShouldBe(Draft.Title);
        fake.Requests.Select(request => request.Method).ShouldBe(["POST", "PUT"]);
    }

    [Fact]
    public async Task A_create_that_took_effect_but_answered_502_leaves_exactly_one_merge_request()
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.Faults.FailAfterProcessing(1, 502, method: "POST", pathContains: "/merge_requests");
        using var client = GitLabTestClient.Create(fake);

        var result = await client.OpenOrUpdateAsync(Draft, CancellationToken.None);

        result.Number.ShouldBe(fake.MergeRequests.ShouldHaveSingleItem().Iid);
        fake.Requests.Count(request => request.Method == "POST").ShouldBe(1);
    }

    [Fact]
    public async Task A_create_refused_before_processing_is_sent_again_after_looking()
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.Faults.Fail(2, 503, method: "POST");
        using var client = GitLabTestClient.Create(fake);

        var result = await client.OpenOrUpdateAsync(Draft, CancellationToken.None);

        result.Created.ShouldBeTrue();
        fake.MergeRequests.ShouldHaveSingleItem();
        fake.Requests.Select(request => request.Method).ShouldBe(["GET", "POST", "GET", "POST", "GET", "POST"]);
    }

    [Fact]
    public async Task A_throttled_create_is_repeated_without_looking_because_gitlab_did_not_process_it()
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.Faults.Throttle(2, "0", method: "POST");
        using var client = GitLabTestClient.Create(fake);

        await client.OpenOrUpdateAsync(Draft, CancellationToken.None);

        fake.MergeRequests.ShouldHaveSingleItem();
        fake.Requests.Select(request => request.Method).ShouldBe(["GET", "POST", "POST", "POST"]);
    }

    [Fact]
    public async Task A_slow_create_that_is_given_up_on_and_never_processed_is_created_once()
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.Faults.Delay(1, TimeSpan.FromSeconds(30), method: "POST");
        using var client = GitLabTestClient.Create(
            fake, options: GitLabTestClient.FastOptions with { AttemptTimeout = TimeSpan.FromSeconds(3), TotalTimeout = TimeSpan.FromSeconds(30) });

        await client.OpenOrUpdateAsync(Draft, CancellationToken.None);

        fake.MergeRequests.ShouldHaveSingleItem();
        // Find, the create given up on, the look for its effect, the create again: nothing else timed out.
        fake.Requests.Select(request => request.Method).ShouldBe(["GET", "POST", "GET", "POST"]);
    }
}
