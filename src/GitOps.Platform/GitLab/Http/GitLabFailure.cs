using System.Net;

namespace GitOps.Platform.GitLab.Http;

/// <summary>Builds the one-line error for a definite failure, with a hint where the cause is usually the same.</summary>
internal static class GitLabFailure
{
    public static GitLabApiException From(GitLabRequest request, HttpStatusCode status, string statusText, string? gitLabMessage)
    {
        // GitLab's 401/403/404 bodies repeat the status ("401 Unauthorized"); saying it twice helps nobody.
        var detail = gitLabMessage is null || string.Equals(gitLabMessage, statusText, StringComparison.OrdinalIgnoreCase)
            ? string.Empty
            : $" - {gitLabMessage}";
        var hint = status switch
        {
            HttpStatusCode.Unauthorized => " (the token is missing, wrong or expired; check GITLAB_TOKEN)",
            HttpStatusCode.Forbidden => " (the token lacks the api scope or the Maintainer role on the project)",
            HttpStatusCode.NotFound when request.Path.Count(character => character == '/') <= 2 =>
                " (check CI_PROJECT_ID / --gitlab-project and that the token can see the project)",
            _ => string.Empty,
        };
        return new GitLabApiException($"{request.Describe()}: {statusText}{detail}{hint}")
        {
            StatusCode = status,
            GitLabMessage = gitLabMessage,
        };
    }
}
