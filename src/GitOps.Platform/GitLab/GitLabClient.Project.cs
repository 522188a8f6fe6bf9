using System.Globalization;
using GitOps.Platform.GitLab.Http;

namespace GitOps.Platform.GitLab;

public sealed partial class GitLabClient
{
    /// <summary>The project, as the token sees it.</summary>
    public Task<GitLabProject> GetProjectAsync(CancellationToken cancellationToken)
    {
        var request = new GitLabRequest(HttpMethod.Get, ProjectPath());
        return transport.SendAsync(request, Read(request, GitLabJsonContext.Default.GitLabProject), null, cancellationToken);
    }

    /// <summary>
    /// Checks, before anything is pushed, that GitLab answers, accepts the token, shows it the project, and gives it a
    /// role that may open merge requests (Developer or higher); throws <see cref="GitLabApiException"/> otherwise. A
    /// role GitLab does not report (inherited from a parent group) is not refused here.
    /// </summary>
    public async Task CheckAccessAsync(CancellationToken cancellationToken)
    {
        if (transport.Connection.TokenKind == GitLabTokenKind.JobToken)
        {
            throw new GitLabApiException(
                "a CI job token cannot push a branch or open a merge request: set GITLAB_TOKEN (a project access token with the api scope, Developer role or higher)");
        }

        var project = await GetProjectAsync(cancellationToken);
        if (project.Permissions?.HighestLevel is { } level && level < GitLabAccess.Developer)
        {
            throw new GitLabApiException(
                $"GITLAB_TOKEN has access level {level.ToString(CultureInfo.InvariantCulture)} on project {project.PathWithNamespace}; "
                + "pushing the promotion branch and opening its merge request need Developer (30) or higher. Nothing was pushed.");
        }
    }
}
