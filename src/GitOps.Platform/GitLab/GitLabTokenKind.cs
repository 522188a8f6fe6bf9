namespace GitOps.Platform.GitLab;

/// <summary>Which header carries the token: GitLab treats a job's token differently from an access token.</summary>
public enum GitLabTokenKind
{
    /// <summary>A personal, project or group access token, sent as <c>PRIVATE-TOKEN</c>.</summary>
    PrivateToken,

    /// <summary>A CI job's <c>CI_JOB_TOKEN</c>, sent as <c>JOB-TOKEN</c>; GitLab accepts it on a few endpoints only.</summary>
    JobToken,
}
