namespace GitOps.Targets.GitLabCi;

/// <summary>What a job does to its environment (<c>environment:action</c>).</summary>
public enum GitLabEnvironmentAction
{
    Start,
    Prepare,
    Stop,
    Verify,
    Access,
}
