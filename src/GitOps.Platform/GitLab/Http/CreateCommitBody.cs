namespace GitOps.Platform.GitLab.Http;

internal sealed record CreateCommitBody(
    string Branch, string CommitMessage, string? StartBranch, IReadOnlyList<CommitAction> Actions);
