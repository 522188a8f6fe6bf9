namespace GitOps.Platform.GitLab;

/// <summary>One membership: GitLab's access level (10 Guest, 20 Reporter, 30 Developer, 40 Maintainer, 50 Owner).</summary>
public sealed record GitLabAccess
{
    public const int Developer = 30;

    public int AccessLevel { get; init; }
}
