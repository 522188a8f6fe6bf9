namespace GitOps.Platform.Promotion.Publishing;

/// <summary>A file to rewrite on the branch: its repository-relative path and the new text from the current one (null when absent).</summary>
internal sealed record FileChange(string Path, Func<string?, string> Apply);
