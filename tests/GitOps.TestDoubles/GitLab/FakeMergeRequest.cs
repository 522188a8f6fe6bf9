namespace GitOps.TestDoubles.GitLab;

/// <summary>A merge request held by the fake; <see cref="State"/> is opened, closed or merged.</summary>
public sealed record FakeMergeRequest(int Id, int Iid, string SourceBranch, string TargetBranch, string Title)
{
    public string Description { get; init; } = string.Empty;

    public string State { get; init; } = "opened";

    public string Labels { get; init; } = string.Empty;

    /// <summary>Set to auto-merge ("merge when pipeline succeeds").</summary>
    public bool AutoMerge { get; init; }
}
