namespace GitOps.TestDoubles.GitHub;

/// <summary>A pull request held by the fake GitHub; <see cref="State"/> is open or closed.</summary>
public sealed record FakePullRequest(int Number, string Head, string Base, string Title, string Body, string State = "open");
