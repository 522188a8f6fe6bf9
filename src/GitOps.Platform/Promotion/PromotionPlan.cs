using GitOps.Platform.Promotion.Pins;

namespace GitOps.Platform.Promotion;

/// <summary>
/// Everything one promotion, release entry or rollback will change and say: the release in the target stage's values
/// files and, where the stage is pinned, the configuration revision in its app-of-apps file. No edits means the target
/// stage already runs the pair: executing the plan is a no-op.
/// </summary>
public sealed record PromotionPlan(
    PromotionKind Kind,
    ReleaseVersion Version,
    string? FromStage,
    string ToStage,
    IReadOnlyList<ValuesFileEdit> Edits,
    IReadOnlyList<E2eRecord> Evidence,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The commit the target stage is pinned to after the merge; null where the plan moves the release only.</summary>
    public string? Revision { get; init; }

    /// <summary>Where <see cref="Revision"/> comes from, as <c>file:line</c>: the source stage's pin for a promotion; null for a release entry (the checkout's commit).</summary>
    public string? RevisionSource { get; init; }

    /// <summary>The pin edit of the target stage's app-of-apps file, or null when it already holds <see cref="Revision"/>.</summary>
    public PinFileEdit? PinEdit { get; init; }

    /// <summary>The target stage's values files as they are, rendered before and after (also the ones whose release stays).</summary>
    public IReadOnlyList<StageValuesFile> TargetFiles { get; init; } = [];

    public bool IsNoOp => Edits.Count == 0 && PinEdit is null;

    /// <summary>The pair the target stage moves to; null where the plan moves the release only.</summary>
    public ReleasePair? Pair => Revision is null ? null : new ReleasePair(Version, Revision);

    /// <summary>The commit the target stage is pinned to before the merge, when it is a commit.</summary>
    public string? PreviousRevision => PinEdit is { } edit && CommitRevision.IsFull(edit.PreviousRevision) ? edit.PreviousRevision : null;

    private string Target => Revision is null ? Version.ToString() : $"{Version}-{CommitRevision.Abbreviate(Revision)}";

    public string BranchName => Kind == PromotionKind.Rollback ? $"rollback/{ToStage}-{Target}" : $"promote/{ToStage}-{Target}";

    private string What => Pair?.ToString() ?? Version.ToString();

    public string Title => Kind == PromotionKind.Rollback ? $"Roll back {ToStage} to {What}" : $"Promote {What} to {ToStage}";

    /// <summary>Set for prod: the MR is never merged automatically and asks for code-owner approval.</summary>
    public bool RequiresCodeOwnerApproval { get; init; }

    /// <summary>The rendered manifest diff (helm template before and after), filled in by the caller.</summary>
    public string? RenderedDiff { get; init; }

    /// <summary>The commits between the previous and the new revision, filled in by the caller.</summary>
    public RevisionRange? Commits { get; init; }

    /// <summary>A link comparing the target branch with the promotion branch; the executor fills it from the remote.</summary>
    public string? CompareUrl { get; init; }

    public string Description => PromotionDescription.Render(this);
}
