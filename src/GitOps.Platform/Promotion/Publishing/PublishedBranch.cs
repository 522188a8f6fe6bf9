namespace GitOps.Platform.Promotion.Publishing;

/// <summary>
/// The branch after publishing. <see cref="Changed"/> is false when the target branch already holds the content;
/// <see cref="Pushed"/> is false when the remote branch already held exactly this content.
/// </summary>
internal sealed record PublishedBranch(string Branch, string TargetBranch, string? Commit, bool Changed, bool Pushed);
