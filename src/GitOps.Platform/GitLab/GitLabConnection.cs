using System.Globalization;

namespace GitOps.Platform.GitLab;

/// <summary>
/// Where GitLab is and who we are to it. <see cref="ApiUrl"/> is the REST v4 root (e.g. <c>https://gitlab.example.com/api/v4</c>);
/// <see cref="Project"/> is a numeric id or a full path (<c>group/sub/project</c>).
/// </summary>
public sealed class GitLabConnection
{
    public GitLabConnection(Uri apiUrl, string token, GitLabTokenKind tokenKind, string project)
    {
        ArgumentNullException.ThrowIfNull(apiUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        ArgumentException.ThrowIfNullOrWhiteSpace(project);
        ApiUrl = GitLabApiUrl.Normalize(apiUrl);
        Token = token;
        TokenKind = tokenKind;
        Project = project.Trim().Trim('/');
    }

    public Uri ApiUrl { get; }

    public string Token { get; }

    public GitLabTokenKind TokenKind { get; }

    public string Project { get; }

    /// <summary>A pipeline trigger token for <c>POST /trigger/pipeline</c>; without it a job token is used there.</summary>
    public string? TriggerToken { get; init; }

    /// <summary>The project as it goes into a path: ids as they are, paths with <c>/</c> encoded as <c>%2F</c>.</summary>
    public string EncodedProject => long.TryParse(Project, NumberStyles.None, CultureInfo.InvariantCulture, out _)
        ? Project
        : Uri.EscapeDataString(Project);

    /// <summary>
    /// Reads <c>CI_API_V4_URL</c> (or <c>GITLAB_URL</c>, the instance root), <c>GITLAB_TOKEN</c> (preferred) or
    /// <c>CI_JOB_TOKEN</c>, <c>CI_PROJECT_ID</c> and <c>GITLAB_TRIGGER_TOKEN</c>; explicit values (the build's
    /// <c>--gitlab-url</c> and <c>--gitlab-project</c>) win over the environment.
    /// </summary>
    public static GitLabConnection FromEnvironment(
        IReadOnlyDictionary<string, string?> environment, string? gitLabUrl = null, string? gitLabProject = null) =>
        GitLabConnectionSettings.Read(environment, gitLabUrl, gitLabProject);

    /// <summary>Never shows the token: connections end up in logs and exception messages.</summary>
    public override string ToString() => $"{ApiUrl} project {Project} ({TokenKind})";
}
