namespace GitOps.Platform.GitLab.Http;

internal sealed record CreateMergeRequestBody(
    string SourceBranch, string TargetBranch, string Title, string Description, bool RemoveSourceBranch, string? Labels);
