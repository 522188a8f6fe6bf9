using GitOps.Targets.GitLabCi;
using GitOps.Targets.GitLabCi.Generation;

namespace GitOps.Targets.Tests.GitLabCi.Generation;

/// <summary>Environments, resource groups, stop jobs, manual gates and reports of generated jobs.</summary>
public sealed class EnvironmentAndRulesTests
{
    private static readonly LaneStep[] DeployAndStop =
    [
        new("Provision") { EnvironmentAction = GitLabEnvironmentAction.Start, When = StepWhen.Manual },
        new("Deploy") { EnvironmentAction = GitLabEnvironmentAction.Start },
        new("E2E") { EnvironmentAction = GitLabEnvironmentAction.Verify },
        new("Promote"),
        new("Destroy") { EnvironmentAction = GitLabEnvironmentAction.Stop, When = StepWhen.Manual },
    ];

    [Fact]
    public void Jobs_acting_on_the_environment_share_its_resource_group_and_deploys_name_the_stop_job()
    {
        var pipeline = GraphFixture.Generate(GraphFixture.QaLane(DeployAndStop));

        foreach (var target in new[] { "Provision", "Deploy", "E2E", "Destroy" })
        {
            pipeline.Job(target).ResourceGroup.ShouldBe("qa-gcp");
            pipeline.Job(target).Environment!.Name.ShouldBe("qa/gcp");
        }

        pipeline.Job("Provision").Environment!.OnStop.ShouldBe("p:Destroy:qa-gcp");
        pipeline.Job("Deploy").Environment!.Action.ShouldBe(GitLabEnvironmentAction.Start);
        pipeline.Job("E2E").Environment!.OnStop.ShouldBeNull();
        pipeline.Job("Destroy").Environment!.Action.ShouldBe(GitLabEnvironmentAction.Stop);
        pipeline.Job("Promote").Environment.ShouldBeNull();
        pipeline.Job("Promote").ResourceGroup.ShouldBeNull();
    }

    [Fact]
    public void Manual_steps_are_blocking_rules_and_always_steps_run_after_failures()
    {
        var pipeline = GraphFixture.Generate(GraphFixture.QaLane(
            new LaneStep("Provision") { When = StepWhen.Manual },
            new LaneStep("Destroy") { When = StepWhen.Always, After = ["Provision"] }));

        var manual = pipeline.Job("Provision").Rules.ShouldHaveSingleItem();
        manual.When.ShouldBe(GitLabWhen.Manual);
        manual.AllowFailure.ShouldBe(false);
        pipeline.Job("Provision").When.ShouldBeNull("a job-level when: manual would not block the pipeline");
        pipeline.Job("Destroy").Rules.ShouldHaveSingleItem().When.ShouldBe(GitLabWhen.Always);
        pipeline.ToYaml().ShouldContain("      when: manual\n      allow_failure: false\n");
    }

    [Fact]
    public void On_demand_steps_are_manual_rules_that_do_not_block_the_pipeline()
    {
        var pipeline = GraphFixture.Generate(GraphFixture.QaLane(new LaneStep("Destroy") { When = StepWhen.OnDemand }));

        var rule = pipeline.Job("Destroy").Rules.ShouldHaveSingleItem();
        (rule.When, rule.AllowFailure).ShouldBe((GitLabWhen.Manual, true));
        pipeline.ToYaml().ShouldContain("      when: manual\n      allow_failure: true\n");
    }

    [Fact]
    public void A_step_with_changes_exists_only_when_a_matching_file_changed()
    {
        var pipeline = GraphFixture.Generate(GraphFixture.QaLane(new LaneStep("E2E") { Changes = ["src/**/*", "tests/**/*"] }));

        pipeline.Job("E2E").Rules.ShouldHaveSingleItem().Changes.ShouldBe(["src/**/*", "tests/**/*"]);
        pipeline.ToYaml().ShouldContain("\n      changes:\n        - src/**/*\n        - tests/**/*\n");
    }

    [Fact]
    public void Auto_cancel_is_written_in_the_workflow_and_its_rules_and_refused_in_job_rules()
    {
        var pipeline = new GitLabPipeline
        {
            Workflow = new GitLabWorkflow
            {
                AutoCancel = new GitLabAutoCancel(GitLabAutoCancelOnNewCommit.Interruptible),
                Rules = [new GitLabRule { If = "$CI_PIPELINE_SOURCE == \"trigger\"", AutoCancel = new GitLabAutoCancel(GitLabAutoCancelOnNewCommit.None) }],
            },
            Jobs = [new GitLabJob("a") { Script = ["true"], Interruptible = false }],
        };

        pipeline.ToYaml().ShouldContain("workflow:\n  auto_cancel:\n    on_new_commit: interruptible\n  rules:\n    - if: '$CI_PIPELINE_SOURCE == \"trigger\"'\n      auto_cancel:\n        on_new_commit: none\n");
        pipeline.ToYaml().ShouldContain("  interruptible: false\n");
        (pipeline with { Jobs = [new GitLabJob("a") { Script = ["true"], Rules = [new GitLabRule { AutoCancel = new GitLabAutoCancel(GitLabAutoCancelOnNewCommit.None), When = GitLabWhen.Always }] }] })
            .Validate().ShouldBe(["job 'a': auto_cancel is allowed only in workflow rules"]);
    }

    [Fact]
    public void Lane_condition_is_anded_with_the_pipeline_condition_and_an_or_keeps_its_meaning()
    {
        var lane = GraphFixture.QaLane(new LaneStep("E2E")) with { Condition = "$STAGE == \"qa\" && $CLOUD == \"gcp\"" };

        var pipeline = GraphFixture.Generate(lane, "$CI_PIPELINE_SOURCE == \"trigger\" || $CI_PIPELINE_SOURCE == \"api\"");

        pipeline.Job("E2E").Rules.ShouldHaveSingleItem().If.ShouldBe(
            "($CI_PIPELINE_SOURCE == \"trigger\" || $CI_PIPELINE_SOURCE == \"api\") && $STAGE == \"qa\" && $CLOUD == \"gcp\"");
    }

    [Fact]
    public void Reports_are_kept_even_on_failure_and_kept_paths_exclude_kubeconfigs_and_secrets()
    {
        var pipeline = GraphFixture.Generate(GraphFixture.QaLane(new LaneStep("E2E")));

        var artifacts = pipeline.Job("E2E").Artifacts.ShouldNotBeNull();
        artifacts.When.ShouldBe(GitLabArtifactsWhen.Always);
        artifacts.Reports.Junit.ShouldBe([".nuke/temp/e2e/*.junit.xml"]);
        artifacts.Reports.Dotenv.ShouldBe([".nuke/temp/e2e/e2e.env"]);
        artifacts.Exclude.ShouldBe([".nuke/temp/**/kubeconfig", ".nuke/temp/secrets/**"]);
    }

    [Fact]
    public void Every_declaration_mistake_is_reported_at_once()
    {
        var settings = GraphFixture.Settings with
        {
            Targets = new Dictionary<string, TargetJobSettings>
            {
                ["Provision"] = new() { Paths = [".nuke/temp/qa-gcp/kubeconfig"] },
                ["Deploy"] = new() { Stage = "release" },
            },
        };
        var lane = new Lane("qa-gcp") { Steps = [new LaneStep("Provison"), new LaneStep("Deploy") { After = ["E2E"], EnvironmentAction = GitLabEnvironmentAction.Start }] };

        var error = Should.Throw<InvalidGitLabPipelineException>(() => GraphFixture.Generate(lane, settings: settings));

        error.Errors.ShouldBe(
        [
            "pipeline 'p' lane 'qa-gcp': target 'Provison' is not declared by the build",
            "pipeline 'p' lane 'qa-gcp': target 'Deploy' runs after 'E2E', which is not a step of this lane",
            "pipeline 'p' lane 'qa-gcp': target 'Deploy' acts on the environment but the lane has none",
            "target 'Provision': artifact '.nuke/temp/qa-gcp/kubeconfig' is inside '.nuke/temp/**/kubeconfig', which must never be uploaded",
            "target 'Deploy': stage 'release' is not one of the declared stages build, test, deploy",
        ]);
    }
}
