using GitOps.Platform.GitHub;
using GitOps.Platform.GitLab;
using GitOps.Targets.Output;

namespace GitOps.Platform.ChangeRequests;

/// <summary>Picks GitLab or GitHub for a repository from its git remote's host.</summary>
public sealed class ChangeRequestHostFactory(ChangeRequestHostSettings settings, ISecretRegistry secrets, ILog? log = null)
{
    /// <param name="remoteUrl">The checkout's origin; its host picks GitHub or GitLab.</param>
    /// <param name="gitLabOptions">GitLab's client options; their <see cref="GitLabClientOptions.Deadline"/> (--timeout) bounds GitHub's requests too.</param>
    public IChangeRequestHost Create(string remoteUrl, GitLabClientOptions? gitLabOptions = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrWhiteSpace(remoteUrl);

        var remote = RemoteOf(remoteUrl);
        if (settings.GitHubHosts.Contains(remote.Host))
        {
            var left = gitLabOptions?.Deadline is { } deadline ? deadline - DateTimeOffset.UtcNow : (TimeSpan?)null;
            return new GitHubPullRequests(GitHubConnectionFor(remote), secrets, log, left is { } time ? TimeSpan.FromTicks(Math.Max(time.Ticks, TimeSpan.TicksPerSecond)) : null);
        }

        var gitLab = settings.GitLab ?? throw new GitLabConfigurationException(
            $"the git remote is on {remote.Host}, taken to be GitLab, but GitLab is not configured: "
            + "set CI_API_V4_URL, GITLAB_TOKEN and CI_PROJECT_ID; see environments/env.template");
        return new GitLabClient(gitLab, secrets, log, gitLabOptions);
    }

    /// <summary>Whether promotions of this repository go to GitHub (and so its CI/CD variables are not GitLab's).</summary>
    public bool IsGitHub(string remoteUrl) => settings.GitHubHosts.Contains(RemoteOf(remoteUrl).Host);

    // A remote on disk (a mirror, a test's bare repository) names no host: GitLab, as for every non-GitHub host.
    private static GitRemote RemoteOf(string remoteUrl) =>
        IsOnDisk(remoteUrl) ? new GitRemote("disk", remoteUrl) : GitRemote.Parse(remoteUrl);

    private static bool IsOnDisk(string remoteUrl) =>
        remoteUrl.StartsWith("file://", StringComparison.OrdinalIgnoreCase) || Path.IsPathRooted(remoteUrl.Trim());

    private GitHubConnection GitHubConnectionFor(GitRemote remote)
    {
        var token = settings.GitHubToken ?? throw new GitLabConfigurationException(
            $"the git remote is on GitHub ({remote.Host}) but GITHUB_TOKEN is not set");
        var parts = remote.Path.Split('/');
        if (parts.Length != 2)
        {
            throw new GitLabConfigurationException($"GitHub remote path '{remote.Path}' is not owner/repository");
        }

        var apiUrl = settings.GitHubApiUrl
            ?? (remote.Host == "github.com" ? GitHubConnection.PublicApiUrl : new Uri($"https://{remote.Host}/"));
        return new GitHubConnection(apiUrl, token, parts[0], parts[1]);
    }
}
