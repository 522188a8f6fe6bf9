namespace GitOps.Platform.ChangeRequests;

/// <summary>A change request we want to exist: from <see cref="SourceBranch"/> into <see cref="TargetBranch"/>.</summary>
public sealed record ChangeRequestDraft(string SourceBranch, string TargetBranch, string Title, string Description)
{
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>
    /// True for prod: the request must wait for a code owner. Hosts never enable auto-merge for it and mark it so
    /// reviewers see why; the approval itself is enforced by the host's branch protection, not by this flag.
    /// </summary>
    public bool RequiresCodeOwnerApproval { get; init; }

    /// <summary>Whether the host deletes the source branch once the request is merged (GitLab only).</summary>
    public bool RemoveSourceBranch { get; init; } = true;
}
