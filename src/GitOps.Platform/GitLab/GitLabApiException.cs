using System.Net;

namespace GitOps.Platform.GitLab;

/// <summary>
/// A GitLab call failed. The message names method, path, status and GitLab's own message,
/// e.g. <c>GitLab GET /projects/42/variables: 401 Unauthorized</c>; it never holds a token or a variable's value.
/// </summary>
public sealed class GitLabApiException : Exception
{
    public GitLabApiException()
    {
    }

    public GitLabApiException(string message)
        : base(message)
    {
    }

    public GitLabApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The HTTP status GitLab answered with; null when no answer came (timeout, refused, gave up).</summary>
    public HttpStatusCode? StatusCode { get; init; }

    /// <summary>GitLab's message from the error body, when it sent one.</summary>
    public string? GitLabMessage { get; init; }
}
