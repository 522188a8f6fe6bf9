namespace GitOps.Platform.Promotion;

/// <summary>
/// Why a promotion or rollback was refused; the first three, UnknownRollbackVersion, OlderPair, NotOnDefaultBranch and
/// NothingToRollBack are usage errors (exit code 2).
/// </summary>
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

    /// <summary>The source stage tracks a branch, not a commit.</summary>
    Unpinned,

    /// <summary>A pin that names no commit of this repository.</summary>
    UnknownRevision,

    /// <summary>The target stage would go back to an older release or configuration: that is what Rollback is for.</summary>
    OlderPair,

    /// <summary>The release entry pins the checkout's commit, which must be on the default branch.</summary>
    NotOnDefaultBranch,

    /// <summary>A pin that is a commit, but not one main has been at (a merge request's, another branch's, a merged branch's).</summary>
    OffMain,

    /// <summary>A rollback to what the stage already runs: nothing would change.</summary>
    NothingToRollBack,
}
