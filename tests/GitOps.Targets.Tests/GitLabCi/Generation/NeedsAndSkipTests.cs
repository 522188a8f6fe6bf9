using GitOps.Targets.GitLabCi.Generation;

namespace GitOps.Targets.Tests.GitLabCi.Generation;

/// <summary>needs: mirror the target graph inside a lane; each job skips exactly what other jobs of its lane run.</summary>
public sealed class NeedsAndSkipTests
{
    [Fact]
    public void Needs_follow_dependencies_after_and_triggers_through_targets_outside_the_lane()
    {
        var pipeline = GraphFixture.Generate(GraphFixture.QaLane(
            new LaneStep("Provision"), new LaneStep("Deploy"), new LaneStep("E2E"), new LaneStep("Promote")));

        pipeline.Job("Provision").NeedNames().ShouldBeEmpty();
        pipeline.Job("Provision").Needs.ShouldNotBeNull("an empty needs list starts the job at once instead of waiting for earlier stages");
        pipeline.Job("Deploy").NeedNames().ShouldBe(["p:Provision:qa-gcp"]);
        // E2E comes after Smoke, which is not in the lane, which comes after Deploy.
        pipeline.Job("E2E").NeedNames().ShouldBe(["p:Deploy:qa-gcp"]);
        pipeline.Job("Promote").NeedNames().ShouldBe(["p:E2E:qa-gcp"]);
    }

    [Fact]
    public void Needs_name_only_the_nearest_lane_jobs_not_every_ancestor()
    {
        var pipeline = GraphFixture.Generate(GraphFixture.QaLane(
            new LaneStep("Provision"), new LaneStep("Deploy"), new LaneStep("Smoke"), new LaneStep("E2E")));

        pipeline.Job("E2E").NeedNames().ShouldBe(["p:Smoke:qa-gcp"]);
        pipeline.Job("Smoke").NeedNames().ShouldBe(["p:Deploy:qa-gcp"]);
    }

    [Fact]
    public void Declared_after_adds_an_order_the_graph_does_not_have()
    {
        var pipeline = GraphFixture.Generate(GraphFixture.QaLane(
            new LaneStep("E2E"), new LaneStep("Destroy") { After = ["E2E"] }));

        pipeline.Job("Destroy").NeedNames().ShouldBe(["p:E2E:qa-gcp"]);
    }

    [Fact]
    public void Jobs_skip_what_other_jobs_of_the_lane_run_and_nothing_else()
    {
        var pipeline = GraphFixture.Generate(GraphFixture.QaLane(
            new LaneStep("Provision"), new LaneStep("Deploy"), new LaneStep("E2E"), new LaneStep("Promote")));

        // Provision triggers Deploy, which has its own job; Prepare has none, so it still runs in each job.
        pipeline.Job("Provision").Script.ShouldBe(["./build.sh Provision --stage qa --cloud gcp --skip Deploy"]);
        pipeline.Job("Deploy").Script.ShouldBe(["./build.sh Deploy --stage qa --cloud gcp"]);
        pipeline.Job("Promote").Script.ShouldBe(["./build.sh Promote --stage qa --cloud gcp --skip E2E"]);
    }

    [Fact]
    public void A_step_can_skip_a_dependency_it_does_not_need_here_and_pass_its_own_parameters()
    {
        var pipeline = GraphFixture.Generate(GraphFixture.QaLane(
            new LaneStep("Promote") { Skip = ["E2E"], Parameters = [new("version", "$RELEASE_ENTRY_VERSION"), new("title", "it's 1.0")] }));

        pipeline.Job("Promote").Script.ShouldBe(
            ["./build.sh Promote --stage qa --cloud gcp --version \"$RELEASE_ENTRY_VERSION\" --title 'it'\\''s 1.0' --skip E2E"]);
    }

    [Fact]
    public void Stages_come_from_target_settings_and_a_job_name_says_pipeline_target_and_lane()
    {
        var pipeline = PipelineGenerator.Generate(
            GraphFixture.Targets,
            [new PipelineDeclaration("branch", "$CI_COMMIT_BRANCH") { Lanes = [new Lane(string.Empty) { Steps = [new LaneStep("Verify") { Interruptible = true }] }] }],
            GraphFixture.Settings);

        var job = pipeline.Jobs.ShouldHaveSingleItem();
        job.Name.ShouldBe("branch:Verify");
        job.Stage.ShouldBe("build");
        job.Interruptible.ShouldBe(true);
        job.Environment.ShouldBeNull();
        job.ResourceGroup.ShouldBeNull();
    }
}
