namespace GitOps.Platform.GitLab;

/// <summary>What <c>GET /projects/:id</c> says about the project and about the caller's role in it.</summary>
public sealed record GitLabProject
{
    public long Id { get; init; }

    public string PathWithNamespace { get; init; } = string.Empty;

    public GitLabProjectPermissions? Permissions { get; init; }

    /// <summary>How merge requests are merged: merge, rebase_merge or ff (<see cref="GitLabClient.RequireMergeCommitsAsync"/>); null when not shown.</summary>
    public string? MergeMethod { get; init; }

    /// <summary>"Minimum role to use pipeline variables"; GitLab shows it to Maintainers and Owners only (null otherwise).</summary>
    public string? CiPipelineVariablesMinimumOverrideRole { get; init; }

    /// <summary>Whether the minimum role above counts at all (GitLab ignores it while this is false); shown like it.</summary>
    public bool? RestrictUserDefinedVariables { get; init; }
}
