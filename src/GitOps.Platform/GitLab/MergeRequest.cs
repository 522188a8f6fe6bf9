namespace GitOps.Platform.GitLab;

/// <summary>A merge request; <see cref="Iid"/> is the per-project number shown as <c>!N</c> and used in paths.</summary>
public sealed record MergeRequest
{
    public long Id { get; init; }

    public int Iid { get; init; }

    public string Title { get; init; } = string.Empty;

    public string? Description { get; init; }

    public string State { get; init; } = string.Empty;

    public string SourceBranch { get; init; } = string.Empty;

    public string TargetBranch { get; init; } = string.Empty;

    public string? WebUrl { get; init; }

    /// <summary>Whether the merge request is set to auto-merge (GitLab still names the field after the old feature).</summary>
    public bool MergeWhenPipelineSucceeds { get; init; }
}
