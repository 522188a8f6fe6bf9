namespace GitOps.Targets.GitLabCi;

/// <summary>The top-level <c>workflow:</c>: whether a pipeline is created at all, and its name.</summary>
public sealed record GitLabWorkflow
{
    /// <summary>Pipeline name shown in the GitLab UI; may use variables.</summary>
    public string? Name { get; init; }

    /// <summary>What a newer commit on the same ref does to this pipeline; a matching rule's own setting wins.</summary>
    public GitLabAutoCancel? AutoCancel { get; init; }

    /// <summary>Rules whose <c>when</c> may only be always or never.</summary>
    public IReadOnlyList<GitLabRule> Rules { get; init => field = [.. value]; } = [];
}
