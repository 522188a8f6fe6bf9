namespace GitOps.Platform.Promotion;

/// <summary>
/// A promotion, release entry or rollback that must not happen. The message is one line saying what is wrong and
/// what is allowed; <see cref="IsUsageError"/> tells the build to exit with 2 rather than 1.
/// </summary>
public sealed class PromotionRefusedException : Exception
{
    public PromotionRefusedException()
    {
    }

    public PromotionRefusedException(string message)
        : base(message)
    {
    }

    public PromotionRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PromotionRefusedException(RefusalReason reason, string message)
        : base(message) => Reason = reason;

    public RefusalReason Reason { get; }

    // A rollback target that never ran on the stage is a mistake in what was asked, like a malformed version.
    public bool IsUsageError => Reason is RefusalReason.NoNextStage or RefusalReason.InvalidVersion or RefusalReason.NoValuesFiles
        or RefusalReason.UnknownRollbackVersion or RefusalReason.OlderPair or RefusalReason.NotOnDefaultBranch
        or RefusalReason.NothingToRollBack;
}
