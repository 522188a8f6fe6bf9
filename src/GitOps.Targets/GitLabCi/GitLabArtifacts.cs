namespace GitOps.Targets.GitLabCi;

/// <summary>What a job keeps after it finishes (<c>artifacts:</c>).</summary>
public sealed record GitLabArtifacts
{
    public IReadOnlyList<string> Paths { get; init => field = [.. value]; } = [];

    public IReadOnlyList<string> Exclude { get; init => field = [.. value]; } = [];

    public GitLabArtifactsWhen? When { get; init; }

    /// <summary>Shown as a link with this label in the merge request widget (<c>artifacts:expose_as</c>); merge request pipelines only.</summary>
    public string? ExposeAs { get; init; }

    /// <summary>GitLab duration such as <c>1 week</c> or <c>never</c>.</summary>
    public string? ExpireIn { get; init; }

    public GitLabReports Reports { get; init; } = new();

    internal bool IsEmpty => Paths.Count == 0 && Exclude.Count == 0 && Reports.IsEmpty;
}
