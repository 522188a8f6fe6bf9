using GitOps.Platform.GitLab;
using GitOps.Targets.Parameters;

namespace GitOps.Platform.Secrets;

/// <summary>
/// What to load for one build: <paramref name="RepositoryRoot"/> holds <c>.env</c> and <c>.nuke/temp/</c>;
/// <paramref name="Environment"/> is the process environment (injected, so tests need not touch the real one).
/// </summary>
public sealed record SensitiveInformationRequest(string RepositoryRoot, IReadOnlyDictionary<string, string?> Environment)
{
    /// <summary>The GitLab environment the variables' scopes are matched against, e.g. <c>dev/gcp</c>; null: only <c>*</c>.</summary>
    public string? EnvironmentName { get; init; }

    /// <summary>The build's <c>--gitlab-url</c>.</summary>
    public string? GitLabUrl { get; init; }

    /// <summary>The build's <c>--gitlab-project</c>.</summary>
    public string? GitLabProject { get; init; }

    /// <summary>Why GitLab's CI/CD variables are not loaded at all (e.g. the repository is hosted on GitHub); null: load them.</summary>
    public string? GitLabNotUsedBecause { get; init; }

    /// <summary>The build's <c>--pipeline</c>; a GitLab job marker in the environment means the same (CiJobMarkers).</summary>
    public bool Pipeline { get; init; }

    /// <summary>
    /// The hand-set variables; their <c>[secret]</c> marks decide what is masked from the environment and <c>.env</c>.
    /// Null: <c>environments/env.template</c> under the repository root, if there is one.
    /// </summary>
    public EnvTemplate? Template { get; init; }

    public GitLabClientOptions? GitLabOptions { get; init; }

    public string DotEnvPath => Path.Combine(RepositoryRoot, ".env");

    public string SecretFilesDirectory => Path.Combine(RepositoryRoot, ".nuke", "temp", "secrets");

    public bool IsPipeline => Pipeline || CiJobMarkers.Present(name => Environment.GetValueOrDefault(name));
}
