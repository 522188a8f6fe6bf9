using GitOps.Platform.Promotion.Pins;

namespace GitOps.Platform.Promotion;

/// <summary>
/// Checked before anything is pushed: the pair's revision must be a commit of this repository, and a promotion or
/// release entry must not move the target stage to an older release or an older revision. Going back is Rollback's job,
/// which checks that the stage ran that pair before.
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
        if (plan.Revision is { } revision && !await history.ContainsAsync(revision, cancellationToken))
        {
            throw new PromotionRefusedException(RefusalReason.UnknownRevision,
                $"Not moving {plan.ToStage} from {current} to {moved}: revision {revision} is not a commit of this repository; "
                + $"pin {plan.FromStage ?? plan.ToStage} to a commit of main, or {rollback}");
        }

        if (plan.PinEdit is { } pin && CommitRevision.IsFull(pin.PreviousRevision) && !await history.ContainsAsync(pin.PreviousRevision, cancellationToken))
        {
            throw new PromotionRefusedException(RefusalReason.UnknownRevision,
                $"Not moving {plan.ToStage} from {current} to {moved}: its pin {pin.PreviousRevision} ({pin.Path}) is not a commit of this repository, so the change cannot be shown; "
                + $"fix the pin, or {rollback}");
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
