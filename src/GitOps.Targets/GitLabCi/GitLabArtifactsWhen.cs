namespace GitOps.Targets.GitLabCi;

/// <summary>When a job's artifacts are uploaded (<c>artifacts:when</c>).</summary>
public enum GitLabArtifactsWhen
{
    OnSuccess,
    OnFailure,
    Always,
}
