using GitOps.Platform.Environments;
using GitOps.Platform.Promotion.Pins;
using GitOps.Targets.Errors;
using GitOps.Targets.Output;

namespace GitOps.Platform.Promotion.Service;

/// <summary>
/// Plans a promotion (the next stage after e2e, the release entry, or a rollback), renders its manifest diff, and
/// publishes it: one branch pushed with --force-with-lease and one merge request opened or updated.
/// </summary>
public sealed class PromotionService(PromotionContext context)
{
    /// <summary>Promotes <paramref name="stage"/>'s release to the next stage, or with a <paramref name="version"/> moves the release entry stage to it.</summary>
    public async Task OpenAsync(Stage? stage, string? version, bool force, CancellationToken cancellationToken)
    {
        var catalog = CatalogPromotionStages.Load(context.RepositoryRoot);
        var plan = version is null ? await PlanPromotionAsync(catalog, stage, force, cancellationToken) : await PlanReleaseAsync(catalog, stage, version, force, cancellationToken);
        await PublishAsync(plan, cancellationToken);
    }

    /// <summary>Opens the merge request that sets <paramref name="stage"/> back to the earlier release <paramref name="to"/>.</summary>
    public async Task RollbackAsync(string stage, string to, bool force, CancellationToken cancellationToken)
    {
        var catalog = CatalogPromotionStages.Load(context.RepositoryRoot);
        var files = await PromotionInputs.ValuesFilesAsync(context.RepositoryRoot, catalog, stage, cancellationToken);
        var rejected = await PromotionInputs.RejectedAsync(context.RepositoryRoot, cancellationToken);
        var pins = await PromotionInputs.PinsAsync(context.RepositoryRoot, stage, cancellationToken);
        var plan = await new RollbackPlanner(context.Git()) { Pins = pins }.PlanAsync(stage, to, files, rejected, force, cancellationToken);
        await PublishAsync(plan with { RequiresCodeOwnerApproval = catalog.RequiresCodeOwnerApproval(stage) }, cancellationToken);
    }

    /// <summary>
    /// Refuses (exit 2) a stage that has no next stage, or whose next stage a platform release moves: RunE2E would
    /// otherwise test an environment whose release cannot be promoted anyway.
    /// </summary>
    public static bool RequirePromotable(CatalogPromotionStages catalog, Stage stage)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var promotable = string.Join(", ", catalog.Catalog.Promotions.Where(step => step.Trigger != PromotionTrigger.PlatformRelease).Select(step => step.From.ToName()));
        return catalog.Catalog.Promotions.FirstOrDefault(step => step.From == stage) switch
        {
            null => throw new UsageException($"{stage.ToName()} is never promoted: it has no next stage in {EnvironmentLayout.StagesFile}; --stage may be {promotable}"),
            { Trigger: PromotionTrigger.PlatformRelease } step => throw new UsageException(
                $"{stage.ToName()} is promoted to {step.To.ToName()} by a platform release: run OpenPromotionMR --version <release> instead"),
            _ => true,
        };
    }

    private async Task<PromotionPlan> PlanPromotionAsync(CatalogPromotionStages catalog, Stage? stage, bool force, CancellationToken cancellationToken)
    {
        var from = stage ?? throw new UsageException("--stage is required (the stage whose release to promote), or --version for a new release");
        RequirePromotable(catalog, from);
        var plan = PromotionPlanner.Plan(await PromotionInputs.ForStageAsync(context.RepositoryRoot, catalog, from.ToName(), force, cancellationToken));
        await new PairGuard(new RevisionHistory(context.Git(), context.GitSettings().Remote)).CheckAsync(plan, cancellationToken);
        return plan;
    }

    private async Task<PromotionPlan> PlanReleaseAsync(CatalogPromotionStages catalog, Stage? stage, string version, bool force, CancellationToken cancellationToken)
    {
        var entry = catalog.ReleaseEntryStage;
        if (stage is { } given && given.ToName() != entry && catalog.NextStage(given.ToName()) != entry)
        {
            throw new UsageException($"--version {version} moves {entry}, where a platform release enters; drop --stage {given.ToName()} (or give --stage {entry})");
        }

        var files = await PromotionInputs.ValuesFilesAsync(context.RepositoryRoot, catalog, entry, cancellationToken);
        var rejected = await PromotionInputs.RejectedAsync(context.RepositoryRoot, cancellationToken);
        var pins = await PromotionInputs.PinsAsync(context.RepositoryRoot, entry, cancellationToken);
        var revision = pins is null ? null : await ReleaseEntryRevisionAsync(entry, version, cancellationToken);
        var plan = PromotionPlanner.PlanRelease(version, entry, files, rejected, force, pins, revision) with { RequiresCodeOwnerApproval = catalog.RequiresCodeOwnerApproval(entry) };
        await new PairGuard(new RevisionHistory(context.Git(), context.GitSettings().Remote)).CheckAsync(plan, cancellationToken);
        return plan;
    }

    /// <summary>
    /// The configuration a release enters with: the commit this checkout is at, which must be on the remote's default
    /// branch. The release entry runs in the pipeline of main that the platform's tag triggered, so this is main as it
    /// was when the release was tagged: reviewed, immutable, the same on a rerun of that pipeline, and what dev (which
    /// follows branches) had been running since. A later commit of main reaches qa by the next entry, or by a
    /// configuration-only entry (--version with qa's current release).
    /// </summary>
    private async Task<string> ReleaseEntryRevisionAsync(string entry, string version, CancellationToken cancellationToken)
    {
        var git = context.Git();
        var head = (await git.RevParseAsync("HEAD", cancellationToken))
            ?? throw new PromotionRefusedException(RefusalReason.NotOnDefaultBranch, $"--version {version}: this checkout has no commit to pin {entry} to");
        var settings = context.GitSettings();
        var main = settings.TargetBranch ?? await git.DefaultBranchAsync(settings.Remote, cancellationToken);
        await git.FetchAsync(settings.Remote, [$"+refs/heads/{main}:refs/remotes/{settings.Remote}/{main}"], cancellationToken);
        var onMain = head == await git.RevParseAsync($"refs/remotes/{settings.Remote}/{main}", cancellationToken)
            || await new RevisionHistory(git).IsStrictAncestorAsync(head, $"refs/remotes/{settings.Remote}/{main}", cancellationToken);
        return onMain ? head
            : throw new PromotionRefusedException(RefusalReason.NotOnDefaultBranch,
                $"--version {version} pins {entry} to this checkout's commit {CommitRevision.Abbreviate(head)}, which is not on {settings.Remote}/{main}; run it on {main}");
    }

    /// <summary>Renders the manifest diff into the plan, then pushes its branch and opens or updates its MR.</summary>
    private async Task PublishAsync(PromotionPlan plan, CancellationToken cancellationToken)
    {
        if (plan.IsNoOp)
        {
            context.Log.Success($"{plan.ToStage} already runs {plan.Pair?.ToString() ?? plan.Version.ToString()} in this checkout; nothing to change");
            return;
        }

        var git = context.Git();
        using var host = await context.ChangeRequestHostAsync(git, cancellationToken);
        var settings = context.GitSettings();
        var rendered = await new RenderedManifestDiff(context.Helm, git) { WorktreeRoot = settings.WorktreeRoot }.RenderAsync(context.RepositoryRoot, plan, cancellationToken);
        var commits = plan.PreviousRevision is { } previous && plan.Revision is { } revision && previous != revision
            ? await new RevisionHistory(git).RangeAsync(previous, revision, await git.RemoteUrlAsync(settings.Remote, cancellationToken), cancellationToken)
            : null;
        var outcome = await new PromotionExecutor(git, host, context.Log) { Settings = settings }
            .ExecuteAsync(plan with { RenderedDiff = rendered, Commits = commits }, cancellationToken);
        if (outcome.ChangeRequest is { } request)
        {
            context.Log.Info($"{(outcome.Pushed ? "Pushed" : "Kept")} {outcome.Branch}; MR !{request.Number}: {request.WebUrl}");
        }
    }
}
