namespace GitOps.Platform.GitLab;

/// <summary>Turns environment variables and build parameters into a connection, naming everything that is missing at once.</summary>
internal static partial class GitLabConnectionSettings
{
    public const string ProjectShape = "expected a numeric id or a path such as group/project (letters, digits, '_', '-', '.')";
    public static GitLabConnection Read(
        IReadOnlyDictionary<string, string?> environment, string? gitLabUrl, string? gitLabProject)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var url = FirstSet(gitLabUrl, Get(environment, "CI_API_V4_URL"), Get(environment, "GITLAB_URL"));
        var privateToken = Get(environment, "GITLAB_TOKEN");
        var jobToken = Get(environment, "CI_JOB_TOKEN");
        var project = FirstSet(gitLabProject, Get(environment, "CI_PROJECT_ID"));

        var missing = new List<string>();
        if (url is null)
        {
            missing.Add("CI_API_V4_URL (or --gitlab-url)");
        }

        if (privateToken is null && jobToken is null)
        {
            missing.Add("GITLAB_TOKEN (or CI_JOB_TOKEN in a pipeline)");
        }

        if (project is null)
        {
            missing.Add("CI_PROJECT_ID (or --gitlab-project)");
        }

        if (missing.Count > 0)
        {
            throw new GitLabConfigurationException(
                $"GitLab is not configured: set {string.Join(", ", missing)}; see environments/env.template");
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var apiUrl))
        {
            throw new GitLabConfigurationException(
                $"GitLab URL '{url}' is not an absolute URL; expected e.g. https://gitlab.example.com/api/v4");
        }

        if (!IsProject(project!))
        {
            throw new GitLabConfigurationException($"GitLab project '{project}' is not a GitLab project; {ProjectShape}");
        }

        var (token, kind) = privateToken is not null
            ? (privateToken, GitLabTokenKind.PrivateToken)
            : (jobToken!, GitLabTokenKind.JobToken);
        return new GitLabConnection(apiUrl, token, kind, project!)
        {
            TriggerToken = Get(environment, "GITLAB_TRIGGER_TOKEN"),
        };
    }

    /// <summary>What the connection accepts as its URL (an instance or API root), judged without asking it.</summary>
    public static bool IsApiUrl(string url) =>
        Uri.TryCreate(url.Trim(), UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttps || parsed.Scheme == Uri.UriSchemeHttp) && parsed.Host.Length > 0;

    /// <summary>A numeric id, or a namespace path and the project's (<c>group/sub/project</c>), slashes around it ignored.</summary>
    public static bool IsProject(string project) => ProjectPattern().IsMatch(project.Trim().Trim('/'));

    [System.Text.RegularExpressions.GeneratedRegex(@"^([0-9]+|[A-Za-z0-9_][A-Za-z0-9_.-]*(/[A-Za-z0-9_][A-Za-z0-9_.-]*)+)$")]
    private static partial System.Text.RegularExpressions.Regex ProjectPattern();

    private static string? Get(IReadOnlyDictionary<string, string?> environment, string key) =>
        environment.TryGetValue(key, out var value) ? FirstSet(value) : null;

    private static string? FirstSet(params string?[] values) =>
        values.Select(value => value?.Trim()).FirstOrDefault(value => !string.IsNullOrEmpty(value));
}
