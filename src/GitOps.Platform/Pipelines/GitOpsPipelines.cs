using GitOps.Platform.Environments;
using GitOps.Targets.GitLabCi;
using GitOps.Targets.GitLabCi.Generation;
using static GitOps.Platform.Pipelines.EnvironmentLanes;
using static GitOps.Platform.Pipelines.PipelineTargets;

namespace GitOps.Platform.Pipelines;

/// <summary>
/// The GitLab pipelines of seed 000's flow, expanded over the stage catalog: verify every branch and merge request;
/// deploy dev from the default branch; nightly on a schedule; e2e and the next promotion when Argo CD's PostSync
/// hook reports a synced stage; the release entry when the platform repository releases; prod deploys and every
/// destroy only by hand.
/// </summary>
public static class GitOpsPipelines
{
    public const string FileName = ".gitlab-ci.yml";
    public const string RegenerateCommand = "./build.sh GenerateCI";

    /// <summary>Where RenderMergeRequestDiff writes, relative to the repository root; the MR widget links to it.</summary>
    public const string MergeRequestDiffDirectory = ".nuke/temp/merge-request-diff";

    public static IReadOnlyList<PipelineDeclaration> Declare(StageCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return [Branches(), MergeRequestTests(), DefaultBranch(catalog), Nightly(catalog), PostSync(catalog), ReleaseEntry()];
    }

    public static GenerationSettings Settings(StageCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return GitOpsCiSettings.Create(FileName, RegenerateCommand) with { Inputs = PipelineInputs.All(catalog) };
    }

    /// <summary>
    /// The environments the PostSync trigger pipeline has jobs for: those of the promotion stages. Only they may render
    /// the e2e hook (Verify checks it): GitLab refuses a trigger whose pipeline would have no jobs ("No stages / jobs for
    /// this pipeline."), so a hook anywhere else fails every sync. nightly runs its e2e in its own scheduled pipeline.
    /// </summary>
    public static IReadOnlyList<EnvironmentId> PostSyncEnvironments(StageCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return [.. catalog.PromotionOrder.SelectMany(stage => catalog.Definition(stage).Environments)];
    }

    /// <summary>
    /// Every branch push and merge request is verified offline; a newer push makes the older run moot. A default-branch
    /// pipeline started by hand (web) is verified too, since its deploy jobs wait for this job.
    /// </summary>
    private static PipelineDeclaration Branches() =>
        new("branch", $"{PipelineSources.MergeRequest} || {PipelineSources.Push} || ({PipelineSources.DefaultBranchPushOrWeb})")
        {
            Lanes = [new Lane(string.Empty) { Steps = [new LaneStep(Verify) { Interruptible = true }] }],
        };

    /// <summary>
    /// A merge request that changes the build, the engine or the tests runs the repository's own tests; one that only
    /// touches charts or environments is covered by Verify. Superseded by a newer push like Verify.
    /// </summary>
    private static PipelineDeclaration MergeRequestTests() =>
        new("mr", PipelineSources.MergeRequest)
        {
            Lanes =
            [
                new Lane(string.Empty)
                {
                    Steps =
                    [
                        new LaneStep(Test)
                        {
                            // Everything that decides what the build is, which tools it takes and what the pipeline runs.
                            Changes =
                            [
                                "build/**/*", "src/**/*", "tests/**/*", "Directory.*.props", "*.sln", "global.json", "build.sh", "build.ps1",
                                ".nuke/**/*", ".config/**/*", ".ci/**/*", ".gitlab-ci.yml",
                            ],
                            Interruptible = true,
                        },
                        // Reviewers of a hand-written change to the chart or an environment see what it renders to.
                        new LaneStep(RenderMergeRequestDiff)
                        {
                            Changes = ["charts/**/*", "environments/**/*"],
                            Parameters = [new("diff-base", "$CI_MERGE_REQUEST_DIFF_BASE_SHA")],
                            Interruptible = true,
                        },
                    ],
                },
            ],
        };

    /// <summary>
    /// On the default branch: dev is deployed at once; stages that run releases are deployed only when a person starts
    /// it; every environment can be destroyed by hand. These manual jobs do not block: a pipeline nobody deploys from
    /// still passes, rather than every main pipeline sitting "blocked" on its Destroy buttons.
    /// </summary>
    private static PipelineDeclaration DefaultBranch(StageCatalog catalog) =>
        new(DefaultBranchPipeline, PipelineSources.DefaultBranchPushOrWeb)
        {
            Lanes = [.. catalog.Stages.SelectMany(stage => stage.Environments.Select(environment => MainLane(stage, environment)))],
        };

    private static Lane MainLane(StageDefinition stage, EnvironmentId environment) => stage switch
    {
        { OutsidePromotions: true } => For(environment, ByHand(Destroy(environment, StepWhen.OnDemand))) with { Children = [Teardown(environment)] },
        { RequiresSemVer: false } => For(
            environment, AfterVerify(Guarded(Deploy(Provision))), Guarded(Deploy(DeployAppOfApps)), ByHand(Destroy(environment, StepWhen.OnDemand))) with
        {
            Children = [DeployPair(environment), Teardown(environment)],
        },
        _ => For(
            environment, AfterVerify(ByHand(Deploy(Provision))), Guarded(Deploy(DeployAppOfApps)),
            ByHand(Destroy(environment, StepWhen.OnDemand))) with { Children = [DeployPair(environment), Teardown(environment)] },
    };

    /// <summary>Nothing is deployed from a commit Verify has not passed (branch:Verify runs in every default-branch pipeline).</summary>
    private static LaneStep AfterVerify(LaneStep step) => step with { NeedsJobs = [VerifyJob] };

    private static string VerifyJob => PipelineGenerator.JobName("branch", Verify, string.Empty);

    /// <summary>
    /// Provision and DeployAppOfApps of one environment as one locked unit: a child pipeline under the environment's
    /// resource group. Two quick pushes would otherwise interleave them (push 2's Provision between push 1's two jobs).
    /// </summary>
    private static LaneChild DeployPair(EnvironmentId environment) =>
        new(DeployUnit, ChildFile("main", environment)) { Targets = [Provision, DeployAppOfApps] };

    private const string DefaultBranchPipeline = "main";
    private const string DeployUnit = "Deploy";
    private const string TeardownUnit = "Destroy";

    /// <summary>
    /// The default-branch job a person plays to run <paramref name="target"/> on the environment from main's head, which
    /// a job refused for an old commit names; null where the default branch has none (nightly deploys on its schedule).
    /// </summary>
    public static string? ManualJob(StageCatalog catalog, EnvironmentId environment, string target)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return target switch
        {
            PipelineTargets.Destroy => PipelineGenerator.JobName(DefaultBranchPipeline, TeardownUnit, environment.ToString()),
            Provision or DeployAppOfApps when !catalog.Definition(environment.Stage).OutsidePromotions =>
                PipelineGenerator.JobName(DefaultBranchPipeline, DeployUnit, environment.ToString()),
            _ => null,
        };
    }

    /// <summary>
    /// Destroy in a child of its own, like the pair: its trigger job main:Destroy:&lt;env&gt; holds the environment's group
    /// and is main:Deploy's on_stop, and the child's job holds the apply group. A Retry of a failed Destroy then still
    /// waits for any Provision or DeployAppOfApps in progress (gitlab-org/gitlab#391663), which a plain job could not do:
    /// a job holds one resource group, and the child jobs it must exclude hold the apply group, not the environment's.
    /// </summary>
    private static LaneChild Teardown(EnvironmentId environment) =>
        new(TeardownUnit, ChildFile("main", environment, "destroy")) { Targets = [PipelineTargets.Destroy] };

    /// <summary>Where a child pipeline is committed: under .ci/, generated like .gitlab-ci.yml and checked the same way.</summary>
    public static string ChildFile(string pipeline, EnvironmentId environment, string? unit = null) =>
        unit is null ? $"{ChildDirectory}/{pipeline}-{environment}.yml" : $"{ChildDirectory}/{pipeline}-{environment}-{unit}.yml";

    public const string ChildDirectory = ".ci/pipelines";

    /// <summary>
    /// Stages outside promotions (nightly) on every cloud: provision, deploy main, e2e, and destroy even when e2e failed,
    /// as one child pipeline under the environment's resource group, so a second scheduled run or the manual
    /// main:Destroy (which asks for the same group) waits for the whole run instead of slipping in between its jobs.
    /// The teardown is guarded by the newest commit like every other step: Retry on an old nightly pipeline's Destroy
    /// would otherwise destroy with old Terraform while tonight's run is in progress. The price: a merge during a
    /// nightly run makes its teardown refuse, and nightly stays up until the next night or a manual Destroy.
    /// </summary>
    private static PipelineDeclaration Nightly(StageCatalog catalog) =>
        new("nightly", PipelineSources.Schedule)
        {
            Lanes =
            [
                .. catalog.Stages.Where(stage => stage.OutsidePromotions).SelectMany(stage => stage.Environments).Select(environment => For(
                    environment,
                    Guarded(Deploy(Provision)),
                    Guarded(Deploy(DeployAppOfApps)),
                    new LaneStep(RunE2E) { EnvironmentAction = GitLabEnvironmentAction.Verify },
                    Guarded(Destroy(environment, StepWhen.Always)) with { After = [RunE2E] }) with
                {
                    Children = [new LaneChild("Run", ChildFile("nightly", environment)) { Targets = [Provision, DeployAppOfApps, RunE2E, PipelineTargets.Destroy] }],
                }),
            ],
        };

    /// <summary>
    /// The PostSync hook sends the stage, cloud, release and revision inputs: one job set per environment of the
    /// promotion stages, chosen by rules on those inputs (so job names, environments and resource groups stay static),
    /// running the e2e suite and, where e2e success promotes, opening the next promotion's merge request. The jobs hand
    /// the release and revision to the build as RELEASE and REVISION.
    /// </summary>
    private static PipelineDeclaration PostSync(StageCatalog catalog) =>
        new("postsync", PipelineSources.Triggered)
        {
            Lanes =
            [
                .. PostSyncEnvironments(catalog).Select(environment =>
                    For(environment, [.. PostSyncSteps(catalog, environment.Stage)]) with
                    {
                        Condition = TriggeredFor(catalog, environment),
                        Variables = new Dictionary<string, string>(StringComparer.Ordinal)
                        {
                            [PipelineSources.ReleaseVariable] = PipelineInputs.Release.Reference,
                            [PipelineSources.RevisionVariable] = PipelineInputs.Revision.Reference,
                        },
                    }),
            ],
        };

    private static IEnumerable<LaneStep> PostSyncSteps(StageCatalog catalog, Stage stage)
    {
        yield return new LaneStep(RunE2E) { EnvironmentAction = GitLabEnvironmentAction.Verify };
        if (catalog.Promotions.Any(promotion => promotion.From == stage && promotion.Trigger == PromotionTrigger.E2ePassed))
        {
            yield return new LaneStep(OpenPromotionMR);
        }
    }

    /// <summary>
    /// The platform repository's release pipeline sends the release_entry_version input: open the MR moving qa to it;
    /// there is nothing to test yet. The job hands it to the build as RELEASE_ENTRY_VERSION.
    /// </summary>
    private static PipelineDeclaration ReleaseEntry() =>
        new("release", $"({PipelineSources.Triggered}) && {PipelineInputs.Value(PipelineInputs.ReleaseEntryVersion)} != \"{PipelineInputs.NotGiven}\"")
        {
            Lanes =
            [
                new Lane(string.Empty)
                {
                    Variables = new Dictionary<string, string>(StringComparer.Ordinal)
                    {
                        [PipelineSources.ReleaseEntryVariable] = PipelineInputs.ReleaseEntryVersion.Reference,
                    },
                    Steps =
                    [
                        new LaneStep(OpenPromotionMR)
                        {
                            Parameters = [new("version", "$" + PipelineSources.ReleaseEntryVariable)],
                            Skip = [RunE2E],
                        },
                    ],
                },
            ],
        };
}
