using GitOps.Platform.ChangeRequests;

namespace GitOps.Platform.Promotion;

/// <summary>What executing a plan did: the branch, whether a commit was pushed, and the merge request (null for a no-op).</summary>
public sealed record PromotionOutcome(string Branch, string? TargetBranch, string? Commit, bool Pushed, ChangeRequest? ChangeRequest)
{
    public bool IsNoOp => ChangeRequest is null;
}
