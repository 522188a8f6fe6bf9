namespace GitOps.TestDoubles.GitLab;

/// <summary>A commit status the fake recorded.</summary>
public sealed record FakeCommitStatus(int Id, string Sha, string State, string Name, string? TargetUrl);
