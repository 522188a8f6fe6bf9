namespace GitOps.Targets.GitLabCi.Generation;

/// <summary>When a step's job runs once its pipeline exists.</summary>
public enum StepWhen
{
    /// <summary>When every job it needs succeeded.</summary>
    OnSuccess,

    /// <summary>
    /// Only when a person starts it, and the pipeline waits for it: written as <c>rules: when: manual</c> with
    /// <c>allow_failure: false</c> (a job-level <c>when: manual</c> would let the pipeline pass without it).
    /// </summary>
    Manual,

    /// <summary>
    /// Only when a person starts it, and the pipeline does not wait for it: <c>rules: when: manual</c> with
    /// <c>allow_failure: true</c>. Jobs that need it are skipped until it is started, then run after it.
    /// </summary>
    OnDemand,

    /// <summary>When the jobs it needs finished, whether they succeeded or not (clean-up such as a nightly destroy).</summary>
    Always,
}
