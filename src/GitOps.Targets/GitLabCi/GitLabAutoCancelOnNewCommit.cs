namespace GitOps.Targets.GitLabCi;

/// <summary><c>auto_cancel:on_new_commit</c>: which of an older pipeline's jobs a newer commit on the same ref cancels.</summary>
public enum GitLabAutoCancelOnNewCommit
{
    /// <summary>GitLab's default: the whole pipeline unless a job with <c>interruptible: false</c> has started (pending jobs count as interruptible).</summary>
    Conservative,

    /// <summary>Only jobs with <c>interruptible: true</c>, started or not.</summary>
    Interruptible,

    /// <summary>Nothing.</summary>
    None,
}
