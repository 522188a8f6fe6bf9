using GitOps.Platform.GitLab;
using GitOps.TestDoubles.GitLab;

namespace GitOps.Platform.Tests.GitLab;

/// <summary>
/// Pipeline variables override predefined ones (CI_PIPELINE_SOURCE among them), so the project lets no one set them;
/// the fake refuses them then as GitLab's Ci::Pipeline::Chain::Validate::Abilities does, trigger tokens included. GitLab
/// counts the minimum role only while restrict_user_defined_variables is on (gitlab-org/gitlab!149343), so both are set.
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
        fake.RestrictUserDefinedVariables.ShouldBeTrue();

        var before = fake.Requests.Count;
        (await client.RestrictPipelineVariablesAsync(CancellationToken.None)).ShouldBeFalse();
        fake.Requests.Skip(before).ShouldAllBe(request => request.Method == "GET");
    }

    [Fact]
    public async Task Once_restricted_a_trigger_with_variables_is_refused_and_one_with_inputs_starts_its_pipeline()
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.PipelineVariablesMinimumOverrideRole = "no_one_allowed";
        fake.RestrictUserDefinedVariables = true;
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

        fake.PipelineVariablesMinimumOverrideRole.ShouldBe("developer");
        fake.RestrictUserDefinedVariables.ShouldBeFalse();
    }

    [Fact]
    public async Task After_restricting_a_project_whose_restriction_was_off_a_trigger_with_variables_is_refused()
    {
        await using var fake = await FakeGitLab.StartAsync();
        using var client = GitLabTestClient.Create(fake);

        await client.RestrictPipelineVariablesAsync(CancellationToken.None);

        using var trigger = GitLabTestClient.Create(fake, triggerToken: fake.TriggerToken);
        var refused = await Should.ThrowAsync<GitLabApiException>(() => trigger.TriggerPipelineAsync(
            "main", new Dictionary<string, string> { ["CI_PIPELINE_SOURCE"] = "schedule" }, CancellationToken.None));
        refused.Message.ShouldContain("Insufficient permissions to set pipeline variables");
        fake.Pipelines.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_role_of_no_one_allowed_with_the_restriction_off_is_not_taken_for_restricted()
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.PipelineVariablesMinimumOverrideRole = "no_one_allowed";
        using var client = GitLabTestClient.Create(fake);

        (await client.RestrictPipelineVariablesAsync(CancellationToken.None)).ShouldBeTrue();

        fake.RestrictUserDefinedVariables.ShouldBeTrue();
        fake.PipelineVariablesMinimumOverrideRole.ShouldBe("no_one_allowed");
    }
}
