namespace GitOps.Targets.GitLabCi;

/// <summary>A pipeline model that GitLab would reject; <see cref="Errors"/> holds every problem, one line each.</summary>
public sealed class InvalidGitLabPipelineException : Exception
{
    public InvalidGitLabPipelineException()
    {
    }

    public InvalidGitLabPipelineException(string message)
        : base(message)
    {
    }

    public InvalidGitLabPipelineException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InvalidGitLabPipelineException(IReadOnlyList<string> errors)
        : base($"The GitLab pipeline is invalid:{System.Environment.NewLine}  "
            + string.Join(System.Environment.NewLine + "  ", errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<string> Errors { get; } = [];
}
