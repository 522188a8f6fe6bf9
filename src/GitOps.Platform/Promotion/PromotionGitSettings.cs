using GitOps.Platform.Git;

namespace GitOps.Platform.Promotion;

/// <summary>How promotion branches reach the remote.</summary>
public sealed record PromotionGitSettings
{
    /// <summary>The remote fetched from and, unless <see cref="PushRemote"/> is set, pushed to.</summary>
    public string Remote { get; init; } = "origin";

    /// <summary>
    /// A remote name or URL to push to, e.g. <c>https://oauth2:&lt;token&gt;@gitlab.example/group/project.git</c> in CI
    /// where the checkout's job token cannot push. Credentials in it are masked.
    /// </summary>
    public string? PushRemote { get; init; }

    /// <summary>The branch merge requests target; by default the remote's default branch.</summary>
    public string? TargetBranch { get; init; }

    /// <summary>Where temporary worktrees are created, so the user's own checkout is never switched.</summary>
    public string WorktreeRoot { get; init; } = Path.Combine(Path.GetTempPath(), "gitops-promotion");

    /// <summary>Used only when neither git configuration nor GIT_AUTHOR_*/GIT_COMMITTER_* give an identity.</summary>
    public GitIdentity CommitIdentity { get; init; } = GitIdentity.Build;
}
