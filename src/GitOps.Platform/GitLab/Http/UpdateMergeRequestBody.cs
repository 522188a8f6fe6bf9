namespace GitOps.Platform.GitLab.Http;

internal sealed record UpdateMergeRequestBody(string Title, string Description, string? AddLabels);
