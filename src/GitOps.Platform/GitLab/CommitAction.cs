namespace GitOps.Platform.GitLab;

/// <summary>
/// One file change in a commit: <c>create</c>, <c>update</c>, <c>delete</c> or <c>move</c>.
/// <see cref="LastCommitId"/> makes GitLab refuse the change when the file moved on since we read it.
/// </summary>
public sealed record CommitAction(string Action, string FilePath)
{
    public string? Content { get; init; }

    public string? PreviousPath { get; init; }

    public string? LastCommitId { get; init; }

    public static CommitAction Update(string filePath, string content) => new("update", filePath) { Content = content };

    public static CommitAction Create(string filePath, string content) => new("create", filePath) { Content = content };
}
