namespace GitOps.Platform.GitLab.Http;

internal sealed record CommitStatusBody(string State, string Name, string? TargetUrl, string? Description, string? Ref);
