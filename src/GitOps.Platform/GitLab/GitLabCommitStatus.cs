namespace GitOps.Platform.GitLab;

/// <summary>A status GitLab recorded on a commit.</summary>
public sealed record GitLabCommitStatus
{
    public long Id { get; init; }

    public string Sha { get; init; } = string.Empty;

    public string Status { get; init; } = string.Empty;

    public string Name { get; init; } = string.Empty;

    public string? TargetUrl { get; init; }
}
