namespace GitOps.Targets.GitLabCi.Generation;

/// <summary>One target of a lane; it becomes one job.</summary>
public sealed record LaneStep(string Target)
{
    public StepWhen When { get; init; } = StepWhen.OnSuccess;

    /// <summary>What the job does to the lane's environment; null when it does not touch it (no environment, no resource group).</summary>
    public GitLabEnvironmentAction? EnvironmentAction { get; init; }

    /// <summary>Targets of the same lane this one waits for although the target graph does not order them.</summary>
    public IReadOnlyList<string> After { get; init => field = [.. value]; } = [];

    /// <summary>
    /// Jobs outside the lane (by job name, in the same pipeline file) this one waits for, e.g. the pipeline's Verify;
    /// their rules must create them wherever this job exists.
    /// </summary>
    public IReadOnlyList<string> NeedsJobs { get; init => field = [.. value]; } = [];

    /// <summary>Parameters for this job only, after the lane's.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; init => field = [.. value]; } = [];

    /// <summary>
    /// Targets this job's build must not run although the target pulls them in, e.g. a dependency that is pointless in
    /// this pipeline. Targets run by other jobs of the lane are skipped without being listed here.
    /// </summary>
    public IReadOnlyList<string> Skip { get; init => field = [.. value]; } = [];

    /// <summary>Globs (<c>rules:changes</c>): the job exists only when a matching file changed; empty means always.</summary>
    public IReadOnlyList<string> Changes { get; init => field = [.. value]; } = [];

    /// <summary>
    /// Inside a child pipeline the job waits for a person as well (<c>rules: when: manual</c>, <c>allow_failure: false</c>),
    /// for a target that refuses to act unless its own job is manual (GitLab sets <c>CI_JOB_MANUAL</c> for manual and
    /// delayed jobs, not for the jobs of a child a manual trigger job starts). The trigger job holds its resource group
    /// while the child waits.
    /// </summary>
    public bool ByHandInChild { get; init; }

    /// <summary>A newer pipeline on the same ref may cancel this job (safe only for jobs that change nothing).</summary>
    public bool Interruptible { get; init; }
}
