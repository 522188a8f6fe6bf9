namespace GitOps.Platform.GitLab;

/// <summary>
/// The caller's membership as GitLab reports it: directly in the project, and in the project's own group. Both are
/// null for a role inherited from a parent group or for an administrator, so null means "not known", not "none".
/// </summary>
public sealed record GitLabProjectPermissions
{
    public GitLabAccess? ProjectAccess { get; init; }

    public GitLabAccess? GroupAccess { get; init; }

    /// <summary>The higher of the two levels, or null when GitLab reported neither.</summary>
    public int? HighestLevel => new[] { ProjectAccess?.AccessLevel, GroupAccess?.AccessLevel }.Max();
}
