namespace GitOps.Targets.GitLabCi;

/// <summary>Whether a job downloads, uploads or both (<c>cache:policy</c>).</summary>
public enum GitLabCachePolicy
{
    PullPush,
    Pull,
    Push,
}
