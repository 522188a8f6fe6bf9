namespace GitOps.Platform.Promotion;

public enum PromotionKind
{
    /// <summary>A stage's release moves to the next stage (OpenPromotionMR --stage).</summary>
    Promotion,

    /// <summary>A new platform release enters the first promoted stage (OpenPromotionMR --version).</summary>
    Release,

    /// <summary>A stage goes back to a release it ran before (Rollback --to).</summary>
    Rollback,
}
