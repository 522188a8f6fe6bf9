namespace GitOps.Platform.GitLab;

/// <summary>GitLab cannot be reached as configured (URL, token or project missing or malformed). One line, no secrets.</summary>
public sealed class GitLabConfigurationException : Exception
{
    public GitLabConfigurationException()
    {
    }

    public GitLabConfigurationException(string message)
        : base(message)
    {
    }

    public GitLabConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
