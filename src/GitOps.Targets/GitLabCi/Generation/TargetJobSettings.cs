namespace GitOps.Targets.GitLabCi.Generation;

/// <summary>How every job of one target looks, wherever it runs: its GitLab stage, what it keeps, how long it may take.</summary>
public sealed record TargetJobSettings
{
    /// <summary>The GitLab stage, for grouping in the UI; order comes from <c>needs:</c>. Null: the generator's default.</summary>
    public string? Stage { get; init; }

    /// <summary>JUnit XML the target writes (globs); uploaded even when the job fails.</summary>
    public IReadOnlyList<string> Junit { get; init => field = [.. value]; } = [];

    /// <summary>dotenv files the target writes; their variables reach the jobs that need this one.</summary>
    public IReadOnlyList<string> Dotenv { get; init => field = [.. value]; } = [];

    /// <summary>Other files kept as artifacts; never kubeconfigs or secrets (see <see cref="GenerationSettings.NeverArtifacts"/>).</summary>
    public IReadOnlyList<string> Paths { get; init => field = [.. value]; } = [];

    /// <summary>Label of the link to <see cref="Paths"/> in the merge request widget (<c>artifacts:expose_as</c>).</summary>
    public string? ExposeAs { get; init; }

    public TimeSpan? Timeout { get; init; }

    /// <summary>Job variables, e.g. where the target finds the credentials it writes at start.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    /// <summary>OIDC ID tokens the target exchanges for cloud credentials (no long-lived key in CI/CD variables).</summary>
    public IReadOnlyDictionary<string, GitLabIdToken> IdTokens { get; init; } = new Dictionary<string, GitLabIdToken>();
}
