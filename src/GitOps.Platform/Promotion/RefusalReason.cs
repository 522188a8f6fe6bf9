namespace GitOps.Platform.Promotion;

/// <summary>Why a promotion or rollback was refused; the first three and UnknownRollbackVersion are usage errors (exit code 2).</summary>
public enum RefusalReason
{
    NoNextStage,
    InvalidVersion,
    NoValuesFiles,
    InconsistentSource,
    E2eMissing,
    E2eFailed,
    Rejected,
    UnknownRollbackVersion,
}
