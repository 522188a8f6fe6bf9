using GitOps.Platform.GitLab;

namespace GitOps.Platform.ChangeRequests;

/// <summary>
/// What is needed to reach either kind of host. <see cref="GitHubHosts"/> are the remote hosts served by GitHub
/// (github.com plus any Enterprise host); every other host is taken to be GitLab.
/// </summary>
public sealed record ChangeRequestHostSettings
{
    public GitLabConnection? GitLab { get; init; }

    public string? GitHubToken { get; init; }

    /// <summary>The GitHub API root; null means api.github.com for github.com and <c>https://host/</c> for Enterprise.</summary>
    public Uri? GitHubApiUrl { get; init; }

    public IReadOnlySet<string> GitHubHosts { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "github.com" };

    /// <summary>Never shows tokens.</summary>
    public override string ToString() => $"GitLab {GitLab?.ToString() ?? "(none)"}, GitHub hosts {string.Join(", ", GitHubHosts)}";

    /// <summary>
    /// Reads <c>GITHUB_TOKEN</c>, <c>GITHUB_API_URL</c> (whose host then counts as GitHub) and
    /// <c>GITHUB_ENTERPRISE_HOSTS</c> (comma-separated); GitLab as <see cref="GitLabConnection.FromEnvironment"/>,
    /// left null when GitLab is not configured.
    /// </summary>
    public static ChangeRequestHostSettings FromEnvironment(
        IReadOnlyDictionary<string, string?> environment, string? gitLabUrl = null, string? gitLabProject = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        string? Get(string key) => environment.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        var hosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "github.com" };
        var apiUrl = Get("GITHUB_API_URL") is { } text && Uri.TryCreate(text, UriKind.Absolute, out var parsed) ? parsed : null;
        if (apiUrl is not null && apiUrl.Host != "api.github.com")
        {
            hosts.Add(apiUrl.Host);
        }

        foreach (var host in (Get("GITHUB_ENTERPRISE_HOSTS") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            hosts.Add(host);
        }

        GitLabConnection? gitLab;
        try
        {
            gitLab = GitLabConnection.FromEnvironment(environment, gitLabUrl, gitLabProject);
        }
        catch (GitLabConfigurationException)
        {
            // Fine for a GitHub-hosted repository; the factory names what is missing if GitLab is needed after all.
            gitLab = null;
        }

        return new ChangeRequestHostSettings { GitLab = gitLab, GitHubToken = Get("GITHUB_TOKEN"), GitHubApiUrl = apiUrl, GitHubHosts = hosts };
    }
}
