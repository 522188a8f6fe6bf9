using GitOps.Platform.Environments;
using GitOps.Platform.Environments.Loading;
using GitOps.Platform.Pipelines;
using GitOps.Platform.Promotion;
using GitOps.Platform.Promotion.Service;

namespace GitOps.Build;

/// <summary>Promotion of a release dev -> qa -> qa-int -> prod, each step a reviewed merge request (seed 000).</summary>
internal sealed partial class Build
{
    [Parameter("Release to promote (SemVer), for the release entry: opens the MR that moves qa to it, pinned to the commit this runs on, which must be on main (main's HEAD in the release pipeline). RunE2E does not run then.", NotFromPipelineVariables = true)]
    private readonly string? Version;

    [Parameter("Promote even though the e2e record is missing or failed (logged, and written into the MR).", CommandLineOnly = true)]
    private readonly bool Force;

    [Parameter("What to roll back to: RELEASE, or RELEASE@SHA (full 40-hex pin) on a pinned stage; the stage must have run it (its parent file on main's first-parent line for qa, qa-int, prod). RELEASE alone returns to the newest earlier pair with that release that differs from the current one. Nothing to change exits 2.", NotFromPipelineVariables = true)]
    private readonly string? To;

    [Parameter("E2e suite command, run from the repository root and split on spaces (default: bash tests/e2e/run.sh). It gets STAGE, CLOUD, RELEASE, REVISION, BASE_URL and JUNIT_PATH.", Name = "e2e-command", NotFromPipelineVariables = true)]
    private readonly string? E2eCommand;

    [Parameter("Release Argo CD synced, as the PostSync hook's pipeline trigger reports it (RELEASE); RunE2E refuses when the checkout holds another.")]
    private readonly string? Release;

    [Parameter("Commit Argo CD rendered the stage's chart from, as the PostSync hook's trigger reports it (REVISION, from ARGOCD_APP_REVISION): a full 40-hex SHA, only compared with the checkout's pin, never checked out.")]
    private readonly string? Revision;

    [Parameter("URL the e2e suite tests (default: https://<portal ingress host> from the environment's values file). A trigger could otherwise point e2e at a server of its choosing and have it pass.", Name = "e2e-base-url", NotFromPipelineVariables = true)]
    private readonly string? E2eBaseUrl;

    private Target RunE2E => _ => _
        .Description("Runs the e2e suite against the environment (every cloud of the stage without --cloud) and records the pair tested (release and pinned revision) and the result.")
        .DependsOn(PrepareSensitiveInformation)
        .After(DeployAppOfApps)
        // The release entry (--version) moves qa to a release no environment of ours has run: nothing to test yet.
        .OnlyWhenStatic(() => Version == null, "--version is set: that release has not run in any environment yet, so there is nothing to test")
        .Requires(() => Stage)
        .Requires(() => EnvironmentIsDeclared)
        .Requires(() => ValuesFilesAreUsable)
        .Requires(() => ReleaseIsValid)
        .Requires(() => GitLabIsCommittedProject)
        .Requires(() => RevisionIsFullSha)
        .Requires(() => RevisionGoesWithRelease)
        .Executes(cancellationToken => PromotionFailures.AsBuildErrorsAsync(() => new E2eSuite(Promotion).RunAsync(
            Cloud is { } cloud ? [new EnvironmentId(Stage!.Value, cloud)] : CatalogPromotionStages.Load(RootDirectory).Catalog.Definition(Stage!.Value).Environments,
            GivenRelease, GivenRevision, E2eCommand, E2eBaseUrl, cancellationToken)));

    private Target OpenPromotionMR => _ => _
        .Description("Opens (or updates) the MR promoting the stage's release and pinned revision to the next stage; --version V moves qa to release V pinned at this checkout's commit, which must be on main.")
        .DependsOn(RunE2E)
        .DependsOn(PrepareSensitiveInformation)
        .Requires(() => StageCanBePromoted)
        .Requires(() => VersionIsSemVer)
        .Requires(() => GitLabIsCommittedProject)
        .Requires(Helm)
        .Executes(cancellationToken => PromotionFailures.AsBuildErrorsAsync(() => new PromotionService(Promotion).OpenAsync(Stage, Version, Force, cancellationToken)));

    private Target Rollback => _ => _
        .Description("Opens the merge request that sets a stage back to an earlier pair (--to RELEASE or RELEASE@SHA): its release and pin.")
        .DependsOn(PrepareSensitiveInformation)
        .Requires(() => Stage)
        .Requires(() => To)
        .Requires(() => RollbackTargetIsSemVer)
        .Requires(() => GitLabIsCommittedProject)
        .Requires(Helm)
        .Executes(cancellationToken => PromotionFailures.AsBuildErrorsAsync(() => new PromotionService(Promotion).RollbackAsync(StageName, To!, Force, cancellationToken)));

    /// <summary>
    /// Checked before anything runs, so a typo never waits for GitLab's variables to be loaded first. The release
    /// entry job passes RELEASE_ENTRY_VERSION as --version: a refusal names the variable the trigger set.
    /// </summary>
    private bool VersionIsSemVer => PromotionArguments.RequireSemVer(Version, IsPipeline && Host.Variable("RELEASE_ENTRY_VERSION") is { } entry && entry == Version ? "RELEASE_ENTRY_VERSION (--version)" : "--version");

    /// <summary>RELEASE comes from the PostSync hook's trigger: SemVer on SemVer stages, a branch name on the others.</summary>
    private bool ReleaseIsValid
    {
        get
        {
            if (Stage is { } stage && GivenRelease is { } release)
            {
                TriggerInputs.RequireRelease(CatalogPromotionStages.Load(RootDirectory).Catalog, stage, release);
            }

            return true;
        }
    }

    private bool RevisionIsFullSha => PromotionArguments.RequireFullSha(GivenRevision);

    private bool RevisionGoesWithRelease => Stage is not { } stage
        || PromotionArguments.RequireRevisionWithRelease(CatalogPromotionStages.Load(RootDirectory).Catalog, stage, GivenRelease, GivenRevision, IsPipeline);

    /// <summary>RELEASE and REVISION come from pipeline inputs, whose default "none" means the trigger passed none.</summary>
    private string? GivenRelease => PipelineInputs.Given(Release);

    private string? GivenRevision => PipelineInputs.Given(Revision);

    private bool RollbackTargetIsSemVer => PromotionArguments.RequireRollbackTarget(To);

    /// <summary>
    /// Checked with the requirements, before anything runs: refusing nightly, prod and dev (exit 2) there keeps RunE2E
    /// from testing an environment whose release cannot be promoted anyway.
    /// </summary>
    private bool StageCanBePromoted => Version is not null || Stage is not { } stage || PromotionService.RequirePromotable(CatalogPromotionStages.Load(RootDirectory), stage);

    private PromotionContext Promotion => new()
    {
        RepositoryRoot = RootDirectory,
        Tools = Tools,
        Secrets = Secrets,
        Log = Log,
        Helm = HelmCli,
        // Read when needed: PrepareSensitiveInformation loads variables after the targets are planned.
        Variables = GitLabVariables,
        IsPipeline = IsPipeline,
        GitLabUrl = GitLabUrl,
        GitLabProject = GitLabProject,
        GitLabTimeout = Timeout,
    };
}
