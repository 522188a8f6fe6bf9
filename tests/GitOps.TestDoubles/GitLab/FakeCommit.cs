namespace GitOps.TestDoubles.GitLab;

/// <summary>A commit the fake recorded; <see cref="Files"/> are the paths the actions touched.</summary>
public sealed record FakeCommit(string Id, string Branch, string Message, IReadOnlyList<string> Files);
