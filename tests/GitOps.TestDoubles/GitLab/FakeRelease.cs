namespace GitOps.TestDoubles.GitLab;

/// <summary>A release held by the fake.</summary>
public sealed record FakeRelease(string TagName, string Name, string Description, string? Ref);
