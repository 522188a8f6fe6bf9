using System.Globalization;
using GitOps.Platform.Promotion.Pins;

namespace GitOps.Platform.Promotion;

/// <summary>
/// Checked before anything is pushed: the pair's revision must be a commit main has been at (<see cref="MainLine"/>:
/// the remote's main, first-parent line), and a promotion or release entry must not move the target stage to an older
/// release or an older revision. Two commits of main's first-parent line are always one before the other, so requiring
/// the new pin on that line also refuses a sideways move (to a merge request's or another branch's commit, where
/// "older" cannot be told). Going back is Rollback's job, which checks that the stage ran that pair before.
/// </summary>
public sealed class PairGuard(RevisionHistory history)
{
    public async Task CheckAsync(PromotionPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.IsNoOp || plan.Kind == PromotionKind.Rollback)
        {
            return;
        }

        var current = Current(plan);
        var moved = plan.Pair?.ToString() ?? plan.Version.ToString();
        var rollback = $"go back with Rollback --stage {plan.ToStage} --to {plan.Version}";
        if (plan.Revision is { } revision && await history.Main.CheckAsync(revision, cancellationToken) is var answer and not MainLineAnswer.OnMain)
        {
            var where = plan.RevisionSource ?? (plan.PinEdit is { } edit ? $"{edit.Path}:{edit.Line}" : "this checkout's commit");
            if (answer == MainLineAnswer.NotACommit)
            {
                throw new PromotionRefusedException(RefusalReason.UnknownRevision,
                    $"Not moving {plan.ToStage} from {current} to {moved}: revision {revision} ({where}) is not a commit of this repository; "
                    + $"pin {plan.FromStage ?? plan.ToStage} to a commit of main, or {rollback}");
            }

            throw new PromotionRefusedException(RefusalReason.OffMain,
                $"Not moving {plan.ToStage} from {current} to {moved}: revision {revision} ({where}) {await history.Main.ProblemAsync(revision, cancellationToken)}; "
                + $"pin {plan.FromStage ?? plan.ToStage} to a commit of main, or {rollback}");
        }

        if (plan.PinEdit is { } pin && CommitRevision.IsFull(pin.PreviousRevision))
        {
            switch (await history.LookUpAsync(pin.PreviousRevision, cancellationToken))
            {
                case CommitLookup.Missing:
                    throw new PromotionRefusedException(RefusalReason.UnknownRevision,
                        $"Not moving {plan.ToStage} from {current} to {moved}: its pin {pin.PreviousRevision} ({pin.Path}) is not a commit of this repository, so the change cannot be shown; "
                        + $"fix the pin, or {rollback}");
                case CommitLookup.RemoteSilent:
                    throw new PromotionRefusedException(RefusalReason.UnknownRevision, string.Create(CultureInfo.InvariantCulture,
                        $"Not moving {plan.ToStage} from {current} to {moved}: its pin {pin.PreviousRevision} ({pin.Path}) is not in this clone, and {history.Remote} did not answer "
                        + $"within {history.FetchTimeout.TotalSeconds:0} s when asked for it, so the change cannot be shown; rerun when {history.Remote} answers"));
            }
        }

        var olderRelease = plan.Edits.Any(edit => ReleaseVersion.TryParse(edit.PreviousVersion, out var previous) && previous > plan.Version);
        var olderRevision = plan.PreviousRevision is { } previousRevision && plan.Revision is { } next
            && await history.IsStrictAncestorAsync(next, previousRevision, cancellationToken);
        if (olderRelease || olderRevision)
        {
            var what = olderRelease && olderRevision ? "an older release and an older revision" : olderRelease ? "an older release" : "an older revision";
            throw new PromotionRefusedException(RefusalReason.OlderPair,
                $"Not moving {plan.ToStage} from {current} to {moved}: that is {what}; {rollback}");
        }
    }

    /// <summary>What the target stage runs now, as the plan saw it.</summary>
    private static string Current(PromotionPlan plan)
    {
        var releases = plan.Edits.Select(edit => edit.PreviousVersion).Distinct(StringComparer.Ordinal).ToList();
        var release = releases.Count == 0 ? plan.Version.ToString() : string.Join("/", releases);
        var revision = plan.PinEdit?.PreviousRevision ?? plan.Revision;
        return revision is null ? release : $"{release} at {CommitRevision.Abbreviate(revision)}";
    }
}
