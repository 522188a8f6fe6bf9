namespace GitOps.Platform.GitLab;

/// <summary>A commit to make on <see cref="Branch"/>; with <see cref="StartBranch"/> the branch is created from it.</summary>
public sealed record CommitDraft(string Branch, string CommitMessage, IReadOnlyList<CommitAction> Actions)
{
    public string? StartBranch { get; init; }
}
