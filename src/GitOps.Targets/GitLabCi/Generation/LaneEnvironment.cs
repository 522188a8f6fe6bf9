namespace GitOps.Targets.GitLabCi.Generation;

/// <summary>
/// The GitLab environment a lane deploys, tests or stops, and the resource group that keeps two jobs from acting on it
/// at the same time.
/// </summary>
/// <param name="Name">GitLab environment name, e.g. <c>qa/gcp</c>.</param>
/// <param name="ResourceGroup">e.g. <c>qa-gcp</c>.</param>
public sealed record LaneEnvironment(string Name, string ResourceGroup)
{
    public GitLabDeploymentTier? DeploymentTier { get; init; }
}
