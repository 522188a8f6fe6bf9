namespace GitOps.Targets.GitLabCi;

/// <summary>One entry of <c>needs:</c>: the job this one waits for.</summary>
public sealed record GitLabNeed(string Job)
{
    /// <summary>When true the need is ignored if <see cref="Job"/> is not in the pipeline (its rules excluded it).</summary>
    public bool Optional { get; init; }

    /// <summary>When false this job does not download <see cref="Job"/>'s artifacts.</summary>
    public bool Artifacts { get; init; } = true;
}
