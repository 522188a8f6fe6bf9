using System.Net;

namespace GitOps.Platform.GitLab.Http;

/// <summary>An attempt failed in a way worth repeating (throttled, 5xx, no answer). Only the retry strategy sees it.</summary>
internal sealed class GitLabTransientException : Exception
{
    public GitLabTransientException()
    {
    }

    public GitLabTransientException(string message)
        : base(message)
    {
    }

    public GitLabTransientException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public HttpStatusCode? StatusCode { get; init; }

    public string? GitLabMessage { get; init; }

    /// <summary>The wait GitLab asked for in <c>Retry-After</c>; null means our own backoff.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
