using GitOps.Targets.GitLabCi;
using GitOps.Targets.GitLabCi.Generation;

namespace GitOps.Targets.Tests.GitLabCi.Generation;

/// <summary>
/// Steps that must not interleave with another pipeline's become a child pipeline started by one trigger job that
/// holds the lane's resource group (GitLab keeps it until a <c>strategy: depend</c> child has finished).
/// </summary>
public sealed class ChildPipelineTests
{
    private const string File = ".ci/pipelines/p-qa-gcp.yml";

    private static readonly Lane Lane = GraphFixture.QaLane(
        new LaneStep("Provision") { EnvironmentAction = GitLabEnvironmentAction.Start, When = StepWhen.OnDemand },
        new LaneStep("Deploy") { EnvironmentAction = GitLabEnvironmentAction.Start },
        new LaneStep("Destroy") { EnvironmentAction = GitLabEnvironmentAction.Stop, When = StepWhen.OnDemand }) with
    {
        Children = [new LaneChild("Pair", File) { Targets = ["Provision", "Deploy"] }],
    };

    private const string DestroyFile = ".ci/pipelines/p-qa-gcp-destroy.yml";

    /// <summary>Deploy pair and teardown each in a child of their own, both started by trigger jobs holding qa-gcp.</summary>
    private static readonly Lane TwoChildren = Lane with
    {
        Children = [new LaneChild("Pair", File) { Targets = ["Provision", "Deploy"] }, new LaneChild("Destroy", DestroyFile) { Targets = ["Destroy"] }],
    };

    [Fact]
    public void One_trigger_job_holds_the_resource_group_and_takes_the_first_steps_gate()
    {
        var pipeline = GraphFixture.Generate(Lane);

        pipeline.Jobs.Select(job => job.Name).ShouldBe(["p:Pair:qa-gcp", "p:Destroy:qa-gcp"]);
        var trigger = pipeline.Jobs[0];
        trigger.Trigger.ShouldBe(new GitLabTrigger(File));
        trigger.ResourceGroup.ShouldBe("qa-gcp");
        trigger.Script.ShouldBeEmpty();
        (trigger.Rules.Single().When, trigger.Rules.Single().AllowFailure).ShouldBe((GitLabWhen.Manual, true));
        pipeline.ToYaml().ShouldContain("  trigger:\n    include: .ci/pipelines/p-qa-gcp.yml\n    strategy: depend\n");
    }

    [Fact]
    public void The_child_runs_both_steps_in_order_without_rules_or_a_stop_job_it_cannot_see()
    {
        var child = GraphFixture.Generate(Lane).Children[File];

        child.Jobs.Select(job => job.Name).ShouldBe(["p:Provision:qa-gcp", "p:Deploy:qa-gcp"]);
        child.Job("Deploy").NeedNames().ShouldBe(["p:Provision:qa-gcp"]);
        child.Jobs.ShouldAllBe(job => job.Rules.Count == 0 && job.Environment!.OnStop == null);
        child.Validate().ShouldBeEmpty();
    }

    /// <summary>
    /// GitLab's Retry on a failed child job (or on its trigger job, which retries the child's failed jobs) does not
    /// take the trigger job's resource group again (gitlab-org/gitlab#391663): the retried job would run while another
    /// pipeline's unit holds the environment. So every child job that applies or destroys also holds a group of its
    /// own, the environment's apply group, which no trigger job holds (that would deadlock).
    /// </summary>
    [Fact]
    public void Every_applying_or_destroying_child_job_holds_the_environments_apply_group_so_a_retry_is_still_serialised()
    {
        var pipeline = GraphFixture.Generate(TwoChildren);

        pipeline.Children[File].Jobs.Select(job => (job.Name, job.ResourceGroup)).ShouldBe(
            [("p:Provision:qa-gcp", "qa-gcp-apply"), ("p:Deploy:qa-gcp", "qa-gcp-apply")]);
        pipeline.Children[DestroyFile].Jobs.Select(job => (job.Name, job.ResourceGroup)).ShouldBe([("p:Destroy:qa-gcp", "qa-gcp-apply")]);
        pipeline.Jobs.ShouldAllBe(job => job.ResourceGroup == "qa-gcp");
        pipeline.Validate().ShouldBeEmpty();
    }

    /// <summary>
    /// A stop step in a child of its own: its trigger job holds the environment's group like the deploy pair's, stops
    /// the environment (a trigger job may carry environment since GitLab 16.4, and may be an environment's stop action,
    /// gitlab-org/gitlab#420855), keeps the step's gate, and is the pair's on_stop, in the same (parent) pipeline.
    /// </summary>
    [Fact]
    public void A_teardown_in_a_child_of_its_own_is_started_by_the_on_stop_trigger_job_holding_the_environments_group()
    {
        var pipeline = GraphFixture.Generate(TwoChildren);

        pipeline.Jobs.Select(job => job.Name).ShouldBe(["p:Pair:qa-gcp", "p:Destroy:qa-gcp"]);
        pipeline.Jobs[0].Environment!.OnStop.ShouldBe("p:Destroy:qa-gcp");
        var teardown = pipeline.Jobs[1];
        teardown.Trigger.ShouldBe(new GitLabTrigger(DestroyFile));
        teardown.Script.ShouldBeEmpty();
        (teardown.Environment!.Name, teardown.Environment.Action, teardown.Environment.OnStop).ShouldBe(("qa/gcp", GitLabEnvironmentAction.Stop, null));
        (teardown.Rules.Single().When, teardown.Rules.Single().AllowFailure).ShouldBe((GitLabWhen.Manual, true));

        var child = pipeline.Children[DestroyFile].Jobs.ShouldHaveSingleItem();
        child.Rules.ShouldBeEmpty();
        child.Script.ShouldHaveSingleItem().ShouldContain("Destroy --stage qa --cloud gcp");
        (child.Environment!.Name, child.Environment.Action).ShouldBe(("qa/gcp", GitLabEnvironmentAction.Stop));
        pipeline.Validate().ShouldBeEmpty();
    }

    /// <summary>
    /// GitLab sets CI_JOB_MANUAL for manual and delayed jobs, not for the jobs of the child a manual trigger job starts:
    /// a step that must be its own manual job (prod's Destroy checks CI_JOB_MANUAL) waits again in the child, as a
    /// when: manual job (a delayed one would start by itself).
    /// </summary>
    [Fact]
    public void A_step_started_by_hand_in_its_child_too_is_a_blocking_manual_job_there()
    {
        var lane = TwoChildren with
        {
            Steps = [.. TwoChildren.Steps.Select(step => step.Target == "Destroy" ? step with { ByHandInChild = true } : step)],
        };

        var child = GraphFixture.Generate(lane).Children[DestroyFile].Jobs.ShouldHaveSingleItem();

        var rule = child.Rules.ShouldHaveSingleItem();
        (rule.If, rule.When, rule.AllowFailure).ShouldBe((null, GitLabWhen.Manual, false));
        GraphFixture.Generate(TwoChildren).Children[DestroyFile].Jobs.Single().Rules.ShouldBeEmpty();
    }

    [Fact]
    public void A_child_job_asking_for_the_group_its_trigger_job_holds_is_refused_as_a_deadlock()
    {
        var pipeline = GraphFixture.Generate(Lane);
        var child = pipeline.Children[File];
        var deadlocked = pipeline with
        {
            Children = new Dictionary<string, GitLabPipeline> { [File] = child with { Jobs = [child.Jobs[0] with { ResourceGroup = "qa-gcp" }, child.Jobs[1]] } },
        };

        deadlocked.Validate().ShouldContain($"{File}: job 'p:Provision:qa-gcp' asks for resource group 'qa-gcp', which the job triggering it holds: it would wait forever");
    }

    /// <summary>
    /// GitLab runs an environment's on_stop job only from the pipeline that deployed it last; a stop job in a child is
    /// never run when the environment is stopped (gitlab-org/gitlab#427222). Since GitLab 16.4 a trigger job may carry
    /// environment (gitlab-org/gitlab!128693), so the trigger job starts the environment and names the parent's stop job.
    /// </summary>
    [Fact]
    public void The_trigger_job_starts_the_environment_and_links_the_stop_job_of_its_own_pipeline()
    {
        var pipeline = GraphFixture.Generate(Lane);

        var environment = pipeline.Jobs[0].Environment.ShouldNotBeNull();
        (environment.Name, environment.Action, environment.OnStop).ShouldBe(("qa/gcp", GitLabEnvironmentAction.Start, "p:Destroy:qa-gcp"));
        pipeline.Validate().ShouldBeEmpty();
    }

    /// <summary>
    /// GitLab looks for the stop job in the pipeline of the environment's last deployment, and every job with
    /// action: start creates one. So the child's jobs only prepare: they keep the environment (and with it the ID
    /// token's environment claims) without deploying, and the trigger job's deployment stays the last one.
    /// </summary>
    [Fact]
    public void The_child_jobs_prepare_the_environment_so_the_trigger_jobs_deployment_stays_the_last()
    {
        var child = GraphFixture.Generate(Lane).Children[File];

        child.Jobs.Select(job => (job.Environment!.Name, job.Environment.Action)).ShouldBe(
            [("qa/gcp", GitLabEnvironmentAction.Prepare), ("qa/gcp", GitLabEnvironmentAction.Prepare)]);
    }

    /// <summary>
    /// A lane whose teardown belongs in the unit (provision, deploy, test, then destroy even when a step failed): the
    /// teardown keeps when: always inside the child, and the start jobs link it, since it is in the same pipeline.
    /// </summary>
    [Fact]
    public void A_teardown_inside_the_child_keeps_when_always_and_its_on_stop_link()
    {
        const string Whole = ".ci/pipelines/p-qa-gcp-run.yml";
        var lane = GraphFixture.QaLane(
            new LaneStep("Provision") { EnvironmentAction = GitLabEnvironmentAction.Start },
            new LaneStep("Deploy") { EnvironmentAction = GitLabEnvironmentAction.Start },
            new LaneStep("Destroy") { EnvironmentAction = GitLabEnvironmentAction.Stop, When = StepWhen.Always, After = ["Deploy"] }) with
        {
            Children = [new LaneChild("Run", Whole) { Targets = ["Provision", "Deploy", "Destroy"] }],
        };

        var pipeline = GraphFixture.Generate(lane);
        var child = pipeline.Children[Whole];

        pipeline.Jobs.Select(job => job.Name).ShouldBe(["p:Run:qa-gcp"]);
        pipeline.Jobs[0].ResourceGroup.ShouldBe("qa-gcp");
        var teardown = child.Job("Destroy").Rules.ShouldHaveSingleItem();
        (teardown.If, teardown.When).ShouldBe((null, GitLabWhen.Always));
        child.Job("Provision").Environment!.OnStop.ShouldBe("p:Destroy:qa-gcp");
        child.Jobs.ShouldAllBe(job => job.ResourceGroup == "qa-gcp-apply");
        child.Validate().ShouldBeEmpty();
        pipeline.Validate().ShouldBeEmpty();
    }
}
