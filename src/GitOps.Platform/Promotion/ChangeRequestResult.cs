namespace GitOps.Platform.Promotion;

/// <summary>The merge request that now carries the promotion: its number (GitLab iid), web address, and whether it is new.</summary>
public sealed record ChangeRequestResult(long Number, string WebUrl, bool Created);
