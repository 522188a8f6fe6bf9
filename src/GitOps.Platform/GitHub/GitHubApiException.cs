using System.Net;

namespace GitOps.Platform.GitHub;

/// <summary>A GitHub call failed; the message names the call, the status and GitHub's message, never the token.</summary>
public sealed class GitHubApiException : Exception
{
    public GitHubApiException()
    {
    }

    public GitHubApiException(string message)
        : base(message)
    {
    }

    public GitHubApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public HttpStatusCode? StatusCode { get; init; }
}
