using System.Collections.Immutable;

namespace GitOps.Targets.GitLabCi;

/// <summary>One job of a GitLab pipeline. Empty collections and null values are not written.</summary>
public sealed record GitLabJob(string Name)
{
    /// <summary>Null means GitLab's default stage, <c>test</c>.</summary>
    public string? Stage { get; init; }

    public string? Image { get; init; }

    public IReadOnlyList<string> Tags { get; init => field = [.. value]; } = [];

    /// <summary>
    /// Null: no <c>needs:</c> key, the job waits for every earlier stage. Empty: <c>needs: []</c>, it starts at once.
    /// </summary>
    public IReadOnlyList<GitLabNeed>? Needs { get; init => field = value is null ? null : [.. value]; }

    public IReadOnlyList<GitLabRule> Rules { get; init => field = [.. value]; } = [];

    /// <summary>Job-level <c>when</c>; prefer <see cref="Rules"/> (a manual rule blocks, a manual job does not).</summary>
    public GitLabWhen? When { get; init; }

    public bool? AllowFailure { get; init; }

    /// <summary>Jobs with the same resource group never run at the same time (one deployment per environment).</summary>
    public string? ResourceGroup { get; init; }

    public GitLabEnvironment? Environment { get; init; }

    /// <summary>Written sorted by name.</summary>
    public IReadOnlyDictionary<string, string> Variables
    {
        get;
        init => field = value.ToImmutableSortedDictionary(StringComparer.Ordinal);
    } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>OIDC ID tokens by variable name (<c>id_tokens:</c>), written sorted by name.</summary>
    public IReadOnlyDictionary<string, GitLabIdToken> IdTokens
    {
        get;
        init => field = value.ToImmutableSortedDictionary(StringComparer.Ordinal);
    } = ImmutableSortedDictionary<string, GitLabIdToken>.Empty;

    /// <summary>A trigger job starts a child pipeline instead of running a script (no script, image or artifacts then).</summary>
    public GitLabTrigger? Trigger { get; init; }

    public IReadOnlyList<string> BeforeScript { get; init => field = [.. value]; } = [];

    public IReadOnlyList<string> Script { get; init => field = [.. value]; } = [];

    public IReadOnlyList<string> AfterScript { get; init => field = [.. value]; } = [];

    public GitLabArtifacts? Artifacts { get; init; }

    /// <summary>At most four caches; one is written as a mapping, several as a list.</summary>
    public IReadOnlyList<GitLabCache> Cache { get; init => field = [.. value]; } = [];

    public GitLabRetry? Retry { get; init; }

    public TimeSpan? Timeout { get; init; }

    public bool? Interruptible { get; init; }
}
