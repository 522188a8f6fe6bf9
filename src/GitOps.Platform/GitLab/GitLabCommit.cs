namespace GitOps.Platform.GitLab;

/// <summary>A commit GitLab created through the commits API.</summary>
public sealed record GitLabCommit
{
    public string Id { get; init; } = string.Empty;

    public string? ShortId { get; init; }

    public string? Title { get; init; }

    public string? WebUrl { get; init; }
}
