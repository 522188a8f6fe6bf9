namespace GitOps.Platform.GitLab;

/// <summary>A project release, identified by its tag.</summary>
public sealed record GitLabRelease
{
    public string TagName { get; init; } = string.Empty;

    public string? Name { get; init; }

    public string? Description { get; init; }
}
