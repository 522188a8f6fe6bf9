namespace GitOps.Platform.Promotion;

/// <summary>The merge request a promotion asks for.</summary>
public sealed record ChangeRequestDraft(string SourceBranch, string TargetBranch, string Title, string Description)
{
    /// <summary>True for prod: the host must not enable auto-merge and should require code-owner approval.</summary>
    public bool RequiresCodeOwnerApproval { get; init; }
}
