using GitOps.Platform.GitLab;
using GitOps.TestDoubles.GitLab;

namespace GitOps.Platform.Tests.GitLab;

public sealed class GitLabOperationsTests
{
    [Fact]
    public async Task Triggers_a_pipeline_with_the_trigger_token_and_variables()
    {
        await using var fake = await FakeGitLab.StartAsync();
        using var client = GitLabTestClient.Create(fake, triggerToken: fake.TriggerToken);

        var pipeline = await client.TriggerPipelineAsync(
            "main", new Dictionary<string, string> { ["STAGE"] = "qa", ["RELEASE"] = "1.2.0" }, CancellationToken.None);

        pipeline.Status.ShouldBe("created");
        pipeline.WebUrl.ShouldNotBeNull().ShouldContain("/-/pipelines/");
        var created = fake.Pipelines.ShouldHaveSingleItem();
        created.Ref.ShouldBe("main");
        created.Variables.ShouldBe(new Dictionary<string, string> { ["STAGE"] = "qa", ["RELEASE"] = "1.2.0" }, ignoreOrder: true);
    }

    [Fact]
    public async Task A_job_token_triggers_a_pipeline_of_another_project_by_path()
    {
        await using var fake = await FakeGitLab.StartAsync();
        using var client = GitLabTestClient.Create(fake, token: fake.JobToken, kind: GitLabTokenKind.JobToken, project: "1");

        await client.TriggerPipelineAsync("main", new Dictionary<string, string>(), CancellationToken.None, project: "platform/gitops");

        fake.Pipelines.ShouldHaveSingleItem();
        fake.Requests.ShouldHaveSingleItem().Path.ShouldBe("/api/v4/projects/platform%2Fgitops/trigger/pipeline");
    }

    [Fact]
    public async Task An_access_token_alone_cannot_trigger_and_says_what_is_needed()
    {
        await using var fake = await FakeGitLab.StartAsync();
        using var client = GitLabTestClient.Create(fake);

        var error = await Should.ThrowAsync<GitLabConfigurationException>(
            () => client.TriggerPipelineAsync("main", new Dictionary<string, string>(), CancellationToken.None));

        error.Message.ShouldContain("GITLAB_TRIGGER_TOKEN");
    }

    [Fact]
    public async Task A_trigger_that_may_have_run_is_not_repeated()
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.Faults.FailAfterProcessing(1, 502);
        using var client = GitLabTestClient.Create(fake, triggerToken: fake.TriggerToken);

        var error = await Should.ThrowAsync<GitLabApiException>(
            () => client.TriggerPipelineAsync("main", new Dictionary<string, string>(), CancellationToken.None));

        error.Message.ShouldBe(
            "GitLab POST /projects/42/trigger/pipeline: 502 Bad Gateway; not repeated because GitLab may have acted on it");
        fake.Pipelines.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Creating_a_release_that_exists_returns_the_existing_one()
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.AddRelease(new FakeRelease("v1.2.0", "1.2.0", "first notes", "main"));
        using var client = GitLabTestClient.Create(fake);

        var release = await client.CreateReleaseAsync(new ReleaseDraft("v1.2.0", "1.2.0", "other notes"), CancellationToken.None);

        release.Description.ShouldBe("first notes");
        fake.Releases.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_release_created_behind_a_502_is_found_not_created_twice()
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.Faults.FailAfterProcessing(1, 502, method: "POST");
        using var client = GitLabTestClient.Create(fake);

        var release = await client.CreateReleaseAsync(
            new ReleaseDraft("v2.0.0", "2.0.0", "notes") { Ref = "main" }, CancellationToken.None);

        release.TagName.ShouldBe("v2.0.0");
        fake.Releases.ShouldHaveSingleItem();
        fake.Requests.Select(request => request.Method).ShouldBe(["POST", "GET"]);
    }

    [Fact]
    public async Task Commits_file_changes_onto_a_new_branch()
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.SetFile("main", "environments/values-qa-gcp.yaml", "deployedRelease: 1.1.0\n");
        using var client = GitLabTestClient.Create(fake);

        var commit = await client.CreateCommitAsync(
            new CommitDraft("promote/qa-1.2.0", "Promote 1.2.0 to qa", [CommitAction.Update("environments/values-qa-gcp.yaml", "deployedRelease: 1.2.0\n")])
            {
                StartBranch = "main",
            },
            CancellationToken.None);

        commit.Id.Length.ShouldBe(40);
        fake.ReadFile("promote/qa-1.2.0", "environments/values-qa-gcp.yaml").ShouldBe("deployedRelease: 1.2.0\n");
        fake.ReadFile("main", "environments/values-qa-gcp.yaml").ShouldBe("deployedRelease: 1.1.0\n");
    }

    [Fact]
    public async Task A_commit_gitlab_rejects_reports_why()
    {
        await using var fake = await FakeGitLab.StartAsync();
        using var client = GitLabTestClient.Create(fake);

        var error = await Should.ThrowAsync<GitLabApiException>(() => client.CreateCommitAsync(
            new CommitDraft("main", "edit", [CommitAction.Update("missing.yaml", "x")]), CancellationToken.None));

        error.Message.ShouldBe("GitLab POST /projects/42/repository/commits: 400 Bad Request - A file with this name doesn't exist");
    }

    [Fact]
    public async Task Sets_a_commit_status_and_repeats_it_through_server_errors()
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.Faults.Fail(1, 503);
        using var client = GitLabTestClient.Create(fake);

        var status = await client.SetCommitStatusAsync(
            "0123456789abcdef", new CommitStatusDraft("success", "e2e/qa") { TargetUrl = "https://ci.example/1" }, CancellationToken.None);

        status.Status.ShouldBe("success");
        fake.Statuses.ShouldHaveSingleItem().Name.ShouldBe("e2e/qa");
    }
}
