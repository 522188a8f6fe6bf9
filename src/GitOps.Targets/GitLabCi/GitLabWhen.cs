namespace GitOps.Targets.GitLabCi;

/// <summary>When a job (or a rule) runs. At workflow level only <see cref="Always"/> and <see cref="Never"/> are allowed.</summary>
public enum GitLabWhen
{
    OnSuccess,
    OnFailure,
    Always,
    Never,

    /// <summary>In <c>rules:</c> a blocking gate (allow_failure defaults to false); at job level non-blocking.</summary>
    Manual,
}
