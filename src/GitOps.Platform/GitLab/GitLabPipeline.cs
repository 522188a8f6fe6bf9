namespace GitOps.Platform.GitLab;

/// <summary>A pipeline GitLab created for a trigger.</summary>
public sealed record GitLabPipeline
{
    public long Id { get; init; }

    public long Iid { get; init; }

    public string Status { get; init; } = string.Empty;

    public string? Ref { get; init; }

    public string? WebUrl { get; init; }
}
