namespace GitOps.TestDoubles.GitLab;

/// <summary>
/// What GitLab does to an older pipeline's job when a newer commit reaches the same ref (auto-cancel redundant
/// pipelines, on by default), per <c>workflow:auto_cancel:on_new_commit</c> as documented and as
/// Ci::CancelRedundantPipelinesService applies it. A job without <c>interruptible</c> (nor a default) is not interruptible.
/// </summary>
public static class AutoCancelModel
{
    public const string Conservative = "conservative";
    public const string Interruptible = "interruptible";
    public const string None = "none";

    /// <param name="mode">The pipeline's on_new_commit: the matching workflow rule's, else the workflow's, else conservative.</param>
    /// <param name="interruptible">The job's interruptible setting.</param>
    /// <param name="started">Whether the job is running already.</param>
    /// <param name="nonInterruptibleStarted">Whether any job of the pipeline with interruptible false has started.</param>
    public static bool Cancels(string mode, bool interruptible, bool started, bool nonInterruptibleStarted) => mode switch
    {
        None => false,
        Interruptible => interruptible,
        // Jobs that have not started count as interruptible: a pending pipeline goes whole, a running one unless a
        // non-interruptible job has started.
        Conservative => !nonInterruptibleStarted && (interruptible || !started),
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "on_new_commit is conservative, interruptible or none"),
    };
}
