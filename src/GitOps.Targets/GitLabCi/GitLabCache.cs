namespace GitOps.Targets.GitLabCi;

/// <summary>One <c>cache:</c> entry: paths kept between pipelines under a key.</summary>
public sealed record GitLabCache
{
    /// <summary>A fixed key (may use variables); exclusive with <see cref="KeyFiles"/>.</summary>
    public string? Key { get; init; }

    /// <summary>Files whose content hashes to the key (<c>key:files</c>), e.g. lock files; at most two.</summary>
    public IReadOnlyList<string> KeyFiles { get; init => field = [.. value]; } = [];

    public IReadOnlyList<string> Paths { get; init => field = [.. value]; } = [];

    public GitLabCachePolicy? Policy { get; init; }
}
