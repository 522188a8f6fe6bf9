namespace GitOps.Platform.GitLab;

/// <summary>
/// How patient the client is. Every request (with its retries, and for creations the look-before-repeating) is bounded
/// by <see cref="TotalTimeout"/>; tests shrink all of these.
/// </summary>
public sealed record GitLabClientOptions
{
    public static readonly GitLabClientOptions Default = new();

    /// <summary>The longest one request may take, retries and waits included, before it fails with a clear error.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How long one attempt waits for GitLab's answer.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The first backoff delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    public int MaxRetries { get; init; } = 10;

    /// <summary>
    /// When set, no request runs past it, whatever <see cref="TotalTimeout"/> and <see cref="AttemptTimeout"/> allow:
    /// the build's <c>--timeout</c>, counted from when the target started talking to GitLab.
    /// </summary>
    public DateTimeOffset? Deadline { get; init; }

    /// <summary>These options, with no request running past <paramref name="timeout"/> from now.</summary>
    public GitLabClientOptions Within(TimeSpan timeout, TimeProvider? clock = null) =>
        this with { Deadline = (clock ?? TimeProvider.System).GetUtcNow() + timeout };

    /// <summary>Items per page when listing; GitLab's maximum is 100.</summary>
    public int PageSize { get; init; } = 100;
}
