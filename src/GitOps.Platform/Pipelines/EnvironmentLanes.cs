using GitOps.Platform.Environments;
using GitOps.Targets.GitLabCi;
using GitOps.Targets.GitLabCi.Generation;

namespace GitOps.Platform.Pipelines;

/// <summary>A lane per environment: <c>--stage s --cloud c</c>, GitLab environment <c>s/c</c>, resource group <c>s-c</c>.</summary>
internal static class EnvironmentLanes
{
    public static Lane For(EnvironmentId environment, params LaneStep[] steps) => new(environment.ToString())
    {
        Parameters = [new("stage", environment.Stage.ToName()), new("cloud", environment.Cloud.ToName())],
        Environment = new LaneEnvironment($"{environment.Stage.ToName()}/{environment.Cloud.ToName()}", environment.ToString())
        {
            DeploymentTier = TierOf(environment.Stage),
        },
        Steps = steps,
    };

    /// <summary>
    /// Selects the lane of the environment the trigger's stage and cloud inputs name. No variable is read: GitLab writes
    /// the inputs' values into the expression when it creates the pipeline, so a pipeline variable cannot choose a lane.
    /// </summary>
    public static string TriggeredFor(StageCatalog catalog, EnvironmentId environment) =>
        $"{PipelineInputs.Value(PipelineInputs.Stage(catalog))} == \"{environment.Stage.ToName()}\" && {PipelineInputs.Value(PipelineInputs.Cloud(catalog))} == \"{environment.Cloud.ToName()}\"";

    public static LaneStep Deploy(string target, StepWhen when = StepWhen.OnSuccess) =>
        new(target) { When = when, EnvironmentAction = GitLabEnvironmentAction.Start };

    /// <summary>
    /// A step a person starts from a default-branch pipeline. Its button stays in every old pipeline, so it is
    /// <see cref="Guarded"/>: pressed days later, it refuses to act from a commit that is no longer the branch's head.
    /// </summary>
    public static LaneStep ByHand(LaneStep step) => Guarded(step) with { When = StepWhen.OnDemand };

    /// <summary>
    /// A step that applies Terraform or manifests passes --require-newest-commit (on the command line, which no
    /// pipeline variable can change). Automatic jobs need it as much as manual ones: GitLab's Retry re-runs any job of
    /// an old pipeline with that pipeline's commit, and would apply outdated Terraform and manifests.
    /// </summary>
    public static LaneStep Guarded(LaneStep step) => step with { Parameters = [.. step.Parameters, new(RequireNewestCommit, "true")] };

    public const string RequireNewestCommit = "require-newest-commit";

    /// <summary>
    /// Prod refuses to be destroyed without --confirm-destroy naming it, and in a pipeline unless its own job is manual
    /// (CI_JOB_MANUAL, which GitLab also sets for delayed jobs and a project variable can fake: the gates are this
    /// when: manual rule and prod's protected environment). A child's job is not the trigger job a person played, so
    /// prod's Destroy asks for a second start inside the child: the confirmation, with prod's group already held.
    /// </summary>
    public static LaneStep Destroy(EnvironmentId environment, StepWhen when) => new(PipelineTargets.Destroy)
    {
        When = when,
        ByHandInChild = environment.Stage == Stage.Prod && when == StepWhen.OnDemand,
        EnvironmentAction = GitLabEnvironmentAction.Stop,
        Parameters = environment.Stage == Stage.Prod ? [new("confirm-destroy", environment.ToString())] : [],
    };

    private static GitLabDeploymentTier TierOf(Stage stage) => stage switch
    {
        Stage.Prod => GitLabDeploymentTier.Production,
        Stage.Qa or Stage.QaInt => GitLabDeploymentTier.Staging,
        Stage.Nightly => GitLabDeploymentTier.Testing,
        _ => GitLabDeploymentTier.Development,
    };
}
