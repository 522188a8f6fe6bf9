namespace GitOps.Targets.GitLabCi;

/// <summary>The top-level <c>default:</c> every job inherits unless it sets its own value.</summary>
public sealed record GitLabDefaults
{
    public string? Image { get; init; }

    public IReadOnlyList<string> Tags { get; init => field = [.. value]; } = [];

    public IReadOnlyList<string> BeforeScript { get; init => field = [.. value]; } = [];

    public IReadOnlyList<string> AfterScript { get; init => field = [.. value]; } = [];

    public IReadOnlyList<GitLabCache> Cache { get; init => field = [.. value]; } = [];

    public GitLabRetry? Retry { get; init; }

    public TimeSpan? Timeout { get; init; }

    public bool? Interruptible { get; init; }

    internal bool IsEmpty =>
        Image is null && Tags.Count == 0 && BeforeScript.Count == 0 && AfterScript.Count == 0 && Cache.Count == 0
        && Retry is null && Timeout is null && Interruptible is null;
}
