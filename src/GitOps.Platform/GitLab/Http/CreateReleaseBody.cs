namespace GitOps.Platform.GitLab.Http;

internal sealed record CreateReleaseBody(string TagName, string Name, string Description, string? Ref);
