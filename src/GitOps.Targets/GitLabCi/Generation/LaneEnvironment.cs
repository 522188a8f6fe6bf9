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

    /// <summary>
    /// The group every job inside a child pipeline that starts or stops the environment holds, e.g. <c>qa-gcp-apply</c>.
    /// The trigger job holds <see cref="ResourceGroup"/> for the whole unit, but GitLab's Retry of a child job (or of
    /// its trigger job) does not take that group again (gitlab-org/gitlab#391663); this one it does, so a retried job
    /// still never applies or destroys at the same time as another. No trigger job may hold it: a child job would wait
    /// for its own trigger job forever.
    /// </summary>
    public string ApplyResourceGroup { get; init; } = $"{ResourceGroup}-apply";
}
