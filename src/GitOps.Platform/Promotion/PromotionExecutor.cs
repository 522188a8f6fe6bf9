using GitOps.Platform.ChangeRequests;
using GitOps.Platform.Git;
using GitOps.Platform.Promotion.Pins;
using GitOps.Platform.Promotion.Publishing;
using GitOps.Targets.Output;

namespace GitOps.Platform.Promotion;

/// <summary>
/// Carries out a plan with real git: the version edits on the promotion branch, pushed with --force-with-lease, and
/// one merge request opened or updated. Running it again with the same plan pushes nothing and updates the same MR.
/// </summary>
public sealed class PromotionExecutor(GitCli git, IChangeRequestHost host, ILog log)
{
    public PromotionGitSettings Settings { get; init; } = new();

    public async Task<PromotionOutcome> ExecuteAsync(PromotionPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        foreach (var warning in plan.Warnings)
        {
            log.Warning(warning);
        }

        if (plan.IsNoOp)
        {
            log.Success($"{plan.ToStage} already runs {plan.Pair?.ToString() ?? plan.Version.ToString()}; nothing to promote");
            return new PromotionOutcome(plan.BranchName, Settings.TargetBranch, null, Pushed: false, ChangeRequest: null);
        }

        // GitLab (or GitHub) is asked first: a refused token or project must not leave a pushed branch behind.
        await host.CheckAccessAsync(cancellationToken);
        if (host is IMergeMethodCheck mergeMethod && plan.Kind != PromotionKind.Rollback)
        {
            // A fast-forwarding project would let a pin name a commit from inside a merged MR. Rollback goes back to a
            // pair the stage ran: it stays possible, so a project set up wrongly can still be rolled back.
            await mergeMethod.RequireMergeCommitsAsync(cancellationToken);
        }
        // Release and pin of a promoted stage are in one file (the parent file): the changes apply one after the other.
        var changes = plan.Edits.Select(edit => new FileChange(edit.Path, current =>
            edit.ApplyTo(current ?? throw new ValuesFileException($"{edit.Path}:1: missing on the target branch; it must exist before a promotion")))).ToList();
        if (plan.PinEdit is { } pin)
        {
            // Applied to the pin file as it is on the target branch, like the values edits: only targetRevision changes.
            changes.Add(new FileChange(pin.Path, current => PinFileEditor.Set(
                current ?? throw new ValuesFileException($"{pin.Path}:1: missing on the target branch; it must exist before a promotion"),
                pin.NewRevision,
                pin.Path)));
        }

        var lines = plan.Edits.Select(edit => $"{edit.Path}: {edit.PreviousVersion} -> {edit.NewVersion}")
            .Concat(plan.PinEdit is { } moved ? [$"{moved.Path}: {moved.PreviousRevision} -> {moved.NewRevision}"] : []);
        var message = $"{plan.Title}\n\n" + string.Join('\n', lines);
        var published = await new BranchPublisher(git, log, Settings).PublishAsync(plan.BranchName, changes, message, buildOnExistingBranch: false, cancellationToken);
        if (!published.Changed)
        {
            log.Success($"{published.TargetBranch} already sets {plan.ToStage} to {plan.Pair?.ToString() ?? plan.Version.ToString()}; nothing to promote");
            return new PromotionOutcome(plan.BranchName, published.TargetBranch, null, Pushed: false, ChangeRequest: null);
        }

        var compare = plan.CompareUrl ?? CompareLink.For(await git.RemoteUrlAsync(Settings.Remote, cancellationToken), published.TargetBranch, plan.BranchName);
        var draft = new ChangeRequestDraft(plan.BranchName, published.TargetBranch, plan.Title, (plan with { CompareUrl = compare }).Description)
        {
            RequiresCodeOwnerApproval = plan.RequiresCodeOwnerApproval,
        };
        var request = await host.OpenOrUpdateAsync(draft, cancellationToken);
        log.Success($"{(request.Created ? "Opened" : "Updated")} !{request.Number} {plan.Title}: {request.WebUrl}");
        return new PromotionOutcome(plan.BranchName, published.TargetBranch, published.Commit, published.Pushed, request);
    }
}
