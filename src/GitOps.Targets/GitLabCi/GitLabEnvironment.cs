namespace GitOps.Targets.GitLabCi;

/// <summary>The <c>environment:</c> a job deploys to, stops or verifies.</summary>
public sealed record GitLabEnvironment(string Name)
{
    public string? Url { get; init; }

    public GitLabEnvironmentAction? Action { get; init; }

    /// <summary>The job that stops this environment; it must exist and have <see cref="GitLabEnvironmentAction.Stop"/>.</summary>
    public string? OnStop { get; init; }

    /// <summary>GitLab duration such as <c>1 week</c> or <c>never</c>.</summary>
    public string? AutoStopIn { get; init; }

    public GitLabDeploymentTier? DeploymentTier { get; init; }
}
