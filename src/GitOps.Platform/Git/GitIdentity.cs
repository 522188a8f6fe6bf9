namespace GitOps.Platform.Git;

/// <summary>Who commits when neither git's configuration nor GIT_AUTHOR_*/GIT_COMMITTER_* say (a bare CI runner).</summary>
public sealed record GitIdentity(string Name, string Email)
{
    public static readonly GitIdentity Build = new("GitOps build", "gitops-build@noreply.invalid");
}
