using System.Net;
using GitOps.Platform.ChangeRequests;
using GitOps.Platform.GitHub;
using GitOps.TestDoubles.GitHub;
using GitOps.Targets.Output;

namespace GitOps.Platform.Tests.GitHub;

public sealed class GitHubPullRequestsTests
{
    private static readonly ChangeRequestDraft Draft = new("promote/qa-1.2.0", "qa", "Promote 1.2.0 to qa", "e2e passed on dev");

    [Fact]
    public async Task Opens_a_pull_request_through_the_enterprise_api_then_updates_it()
    {
        await using var fake = await FakeGitHub.StartAsync();
        using var host = Create(fake);

        var first = await host.OpenOrUpdateAsync(Draft, CancellationToken.None);
        var second = await host.OpenOrUpdateAsync(Draft with { Description = "now with the manifest diff" }, CancellationToken.None);

        first.ShouldBe(new ChangeRequest(1, new Uri(fake.Root, "platform/gitops/pull/1").ToString(), Created: true));
        second.Created.ShouldBeFalse();
        fake.PullRequests.ShouldHaveSingleItem().Body.ShouldBe("now with the manifest diff");
        fake.Requests.ShouldAllBe(request => request.Path.StartsWith("/api/v3/repos/platform/gitops/pulls", StringComparison.Ordinal));
        fake.Requests[0].Query.ShouldContain("head=platform%3Apromote%2Fqa-1.2.0");
    }

    [Fact]
    public async Task Already_exists_is_recovered_by_updating_the_open_pull_request()
    {
        await using var fake = await FakeGitHub.StartAsync();
        fake.AddPullRequest(Draft.SourceBranch, Draft.TargetBranch, "stale");
        fake.StaleListings(1);
        using var host = Create(fake);

        var result = await host.OpenOrUpdateAsync(Draft, CancellationToken.None);

        result.ShouldBe(new ChangeRequest(1, new Uri(fake.Root, "platform/gitops/pull/1").ToString(), Created: false));
        fake.PullRequests.ShouldHaveSingleItem().Title.ShouldBe(Draft.Title);
    }

    [Fact]
    public async Task A_create_that_took_effect_behind_a_502_leaves_one_pull_request()
    {
        await using var fake = await FakeGitHub.StartAsync();
        fake.FailAfterProcessing(1);
        using var host = Create(fake);

        var result = await host.OpenOrUpdateAsync(Draft, CancellationToken.None);

        result.Number.ShouldBe(1);
        fake.PullRequests.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_wrong_token_is_one_line_without_the_token()
    {
        await using var fake = await FakeGitHub.StartAsync();
        using var host = new GitHubPullRequests(
            new GitHubConnection(fake.Root, "ghp_wrongTokenValue77", fake.Owner, fake.Repository), new SecretMasker());

        var error = await Should.ThrowAsync<GitHubApiException>(() => host.OpenOrUpdateAsync(Draft, CancellationToken.None));

        error.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        error.Message.ShouldBe("GitHub GET /repos/platform/gitops/pulls: 401 Bad credentials");
    }

    private static GitHubPullRequests Create(FakeGitHub fake) =>
        new(new GitHubConnection(fake.Root, fake.Token, fake.Owner, fake.Repository), new SecretMasker());
}
