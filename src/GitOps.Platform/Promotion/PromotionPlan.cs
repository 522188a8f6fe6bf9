namespace GitOps.Platform.Promotion;

/// <summary>
/// Everything one promotion, release entry or rollback will change and say. No edits means the target stage already
/// runs the version: executing the plan is a no-op.
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
    public bool IsNoOp => Edits.Count == 0;

    public string BranchName => Kind == PromotionKind.Rollback ? $"rollback/{ToStage}-{Version}" : $"promote/{ToStage}-{Version}";

    public string Title => Kind == PromotionKind.Rollback ? $"Roll back {ToStage} to {Version}" : $"Promote {Version} to {ToStage}";

    /// <summary>Set for prod: the MR is never merged automatically and asks for code-owner approval.</summary>
    public bool RequiresCodeOwnerApproval { get; init; }

    /// <summary>The rendered manifest diff (helm template before and after), filled in by the caller.</summary>
    public string? RenderedDiff { get; init; }

    /// <summary>A link comparing the target branch with the promotion branch; the executor fills it from the remote.</summary>
    public string? CompareUrl { get; init; }

    public string Description => PromotionDescription.Render(this);
}
