using GitOps.Platform.GitLab;
using GitOps.TestDoubles.GitLab;

namespace GitOps.Platform.Tests.GitLab;

/// <summary>
/// Pipeline variables override predefined ones (CI_PIPELINE_SOURCE among them), so the project lets no one set them;
/// the fake refuses them then as GitLab's Ci::Pipeline::Chain::Validate::Abilities does, trigger tokens included.
/// </summary>
public sealed class PipelineVariablesRestrictionTests
{
    [Fact]
    public async Task Restricting_pipeline_variables_sets_no_one_allowed_and_a_rerun_changes_nothing()
    {
        await using var fake = await FakeGitLab.StartAsync();
        using var client = GitLabTestClient.Create(fake);

        (await client.RestrictPipelineVariablesAsync(CancellationToken.None)).ShouldBeTrue();
        fake.PipelineVariablesMinimumOverrideRole.ShouldBe("no_one_allowed");

        var before = fake.Requests.Count;
        (await client.RestrictPipelineVariablesAsync(CancellationToken.None)).ShouldBeFalse();
        fake.Requests.Skip(before).ShouldAllBe(request => request.Method == "GET");
    }

    [Fact]
    public async Task Once_restricted_a_trigger_with_variables_is_refused_and_one_with_inputs_starts_its_pipeline()
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.PipelineVariablesMinimumOverrideRole = "no_one_allowed";
        using var client = GitLabTestClient.Create(fake, triggerToken: fake.TriggerToken);

        var refused = await Should.ThrowAsync<GitLabApiException>(() => client.TriggerPipelineAsync(
            "main", new Dictionary<string, string> { ["CI_PIPELINE_SOURCE"] = "schedule" }, CancellationToken.None));
        refused.Message.ShouldContain("Insufficient permissions to set pipeline variables");
        fake.Pipelines.ShouldBeEmpty();

        await client.TriggerPipelineAsync(
            "main", new Dictionary<string, string>(), CancellationToken.None, inputs: new Dictionary<string, string> { ["stage"] = "qa", ["cloud"] = "gcp" });
        var created = fake.Pipelines.ShouldHaveSingleItem();
        created.Variables.ShouldBeEmpty();
        created.Inputs.ShouldBe(new Dictionary<string, string> { ["stage"] = "qa", ["cloud"] = "gcp" }, ignoreOrder: true);
    }

    [Fact]
    public async Task A_token_without_the_role_to_change_it_fails_and_changes_nothing()
    {
        await using var fake = await FakeGitLab.StartAsync();
        using var client = GitLabTestClient.Create(fake, token: fake.ReporterToken);

        await Should.ThrowAsync<GitLabApiException>(() => client.RestrictPipelineVariablesAsync(CancellationToken.None));

        fake.PipelineVariablesMinimumOverrideRole.ShouldBe("maintainer");
    }
}
