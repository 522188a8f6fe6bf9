namespace GitOps.Targets.GitLabCi;

/// <summary>The <c>environment:deployment_tier</c> GitLab groups environments by.</summary>
public enum GitLabDeploymentTier
{
    Production,
    Staging,
    Testing,
    Development,
    Other,
}
