using System.Net;
using GitOps.Platform.ChangeRequests;
using GitOps.Platform.GitLab;
using GitOps.TestDoubles.GitLab;

namespace GitOps.Platform.Tests.GitLab;

public sealed class GitLabErrorTests
{
    [Fact]
    public async Task A_wrong_token_ends_in_one_line_naming_the_call_and_401()
    {
        await using var fake = await FakeGitLab.StartAsync();
        using var client = GitLabTestClient.Create(fake, token: "glpat-wrong-token-value");

        var error = await Should.ThrowAsync<GitLabApiException>(() => client.ListVariablesAsync(CancellationToken.None));

        error.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        error.Message.ShouldStartWith("GitLab GET /projects/42/variables: 401 Unauthorized");
        error.Message.ShouldNotContain("\n");
        error.Message.ShouldNotContain("glpat-wrong-token-value");
        fake.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_token_without_rights_gets_403_with_a_hint()
    {
        await using var fake = await FakeGitLab.StartAsync();
        using var client = GitLabTestClient.Create(fake, token: fake.ReporterToken);

        var error = await Should.ThrowAsync<GitLabApiException>(() => client.ListVariablesAsync(CancellationToken.None));

        error.Message.ShouldStartWith("GitLab GET /projects/42/variables: 403 Forbidden (the token lacks");
    }

    [Fact]
    public async Task An_unknown_project_says_404_and_what_to_check()
    {
        await using var fake = await FakeGitLab.StartAsync();
        using var client = GitLabTestClient.Create(fake, project: "someone/else");

        var error = await Should.ThrowAsync<GitLabApiException>(() => client.ListVariablesAsync(CancellationToken.None));

        error.Message.ShouldBe(
            "GitLab GET /projects/someone%2Felse/variables: 404 Not Found - 404 Project Not Found "
            + "(check CI_PROJECT_ID / --gitlab-project and that the token can see the project)");
    }

    [Fact]
    public async Task Field_errors_are_quoted_with_their_field()
    {
        await using var fake = await FakeGitLab.StartAsync();
        using var client = GitLabTestClient.Create(fake);

        var error = await Should.ThrowAsync<GitLabApiException>(
            () => client.CreateMergeRequestAsync(new ChangeRequestDraft("promote/qa", "qa", " ", "body"), CancellationToken.None));

        error.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        error.GitLabMessage.ShouldBe("title can't be blank");
        error.Message.ShouldBe("GitLab POST /projects/42/merge_requests: 422 Unprocessable Entity - title can't be blank");
    }

    [Fact]
    public async Task A_job_token_is_refused_before_calling_endpoints_that_do_not_accept_it()
    {
        await using var fake = await FakeGitLab.StartAsync();
        using var client = GitLabTestClient.Create(fake, token: fake.JobToken, kind: GitLabTokenKind.JobToken);

        var error = await Should.ThrowAsync<GitLabConfigurationException>(() => client.ListVariablesAsync(CancellationToken.None));

        error.Message.ShouldBe(
            "GitLab GET /projects/42/variables: GitLab does not accept a CI_JOB_TOKEN here; set GITLAB_TOKEN (an access token with the api scope)");
        fake.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_job_token_may_read_merge_requests_and_is_sent_as_job_token()
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.AddMergeRequest("promote/qa", "qa", "Promote 1.2.0 to qa");
        using var client = GitLabTestClient.Create(fake, token: fake.JobToken, kind: GitLabTokenKind.JobToken);

        var found = await client.FindOpenMergeRequestAsync("promote/qa", "qa", CancellationToken.None);

        found.ShouldNotBeNull().Iid.ShouldBe(1);
        var request = fake.Requests.ShouldHaveSingleItem();
        request.Headers["job-token"].ShouldBe(fake.JobToken);
        request.Headers.ShouldNotContainKey("private-token");
    }

    [Fact]
    public async Task A_job_token_cannot_open_a_merge_request()
    {
        await using var fake = await FakeGitLab.StartAsync();
        using var client = GitLabTestClient.Create(fake, token: fake.JobToken, kind: GitLabTokenKind.JobToken);

        var error = await Should.ThrowAsync<GitLabConfigurationException>(() => client.OpenOrUpdateAsync(
            new ChangeRequestDraft("promote/qa", "qa", "Promote", "body"), CancellationToken.None));

        error.Message.ShouldContain("GitLab POST /projects/42/merge_requests: GitLab does not accept a CI_JOB_TOKEN here");
        fake.MergeRequests.ShouldBeEmpty();
    }
}
