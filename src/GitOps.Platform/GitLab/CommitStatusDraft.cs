namespace GitOps.Platform.GitLab;

/// <summary>
/// A status to set on a commit. <see cref="State"/> is one of pending, running, success, failed, canceled, skipped.
/// </summary>
public sealed record CommitStatusDraft(string State, string Name)
{
    public string? TargetUrl { get; init; }

    public string? Description { get; init; }

    public string? Ref { get; init; }
}
