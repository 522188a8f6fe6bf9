namespace GitOps.Platform.GitLab;

/// <summary>A change request we want to exist: from <see cref="SourceBranch"/> into <see cref="TargetBranch"/>.</summary>
public sealed record ChangeRequestDraft(string SourceBranch, string TargetBranch, string Title, string Description)
{
    public IReadOnlyList<string> Labels { get; init; } = [];

    public bool RemoveSourceBranch { get; init; } = true;
}
