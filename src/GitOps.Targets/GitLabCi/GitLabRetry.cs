namespace GitOps.Targets.GitLabCi;

/// <summary><c>retry:</c> how often (0-2) and on which failure kinds a job is retried.</summary>
public sealed record GitLabRetry(int Max)
{
    /// <summary>Empty means every failure kind; list runner failures only to keep script failures red.</summary>
    public IReadOnlyList<GitLabRetryWhen> When { get; init => field = [.. value]; } = [];
}
