namespace GitOps.Platform.GitLab;

/// <summary>
/// The GitLab settings PrepareSensitiveInformation reads, checked before any target runs and without contacting
/// GitLab: each is set (the flag, the process environment, then .env, as that target ranks them), the URL is an
/// absolute http(s) URL and the project an id or a path. The shapes are the connection's own
/// (<see cref="GitLabConnectionSettings"/>), so the check and the run cannot disagree.
/// </summary>
public static class GitLabConnectionPreflight
{
    /// <summary>Null when every setting is there; otherwise one line naming what is missing and where to set it.</summary>
    /// <param name="environment">The process environment.</param>
    /// <param name="dotEnv">The values of .env (a process value of the same name wins).</param>
    /// <param name="gitLabUrl">--gitlab-url.</param>
    /// <param name="gitLabProject">--gitlab-project.</param>
    /// <exception cref="GitLabConfigurationException">A setting is there but malformed; the message names where it came from.</exception>
    public static string? Check(
        IReadOnlyDictionary<string, string?> environment, IReadOnlyDictionary<string, string> dotEnv, string? gitLabUrl, string? gitLabProject)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(dotEnv);
        var url = Find(environment, dotEnv, ("--gitlab-url", gitLabUrl), "CI_API_V4_URL", "GITLAB_URL");
        var token = Find(environment, dotEnv, (null, null), "GITLAB_TOKEN", "CI_JOB_TOKEN");
        var project = Find(environment, dotEnv, ("--gitlab-project", gitLabProject), "CI_PROJECT_ID");

        var missing = new List<string>();
        if (url is null)
        {
            missing.Add("CI_API_V4_URL (or --gitlab-url)");
        }

        if (token is null)
        {
            missing.Add("GITLAB_TOKEN");
        }

        if (project is null)
        {
            missing.Add("CI_PROJECT_ID (or --gitlab-project)");
        }

        if (url is { } setUrl && !GitLabConnectionSettings.IsApiUrl(setUrl.Value))
        {
            throw new GitLabConfigurationException($"{setUrl.Source}: '{setUrl.Value}' is not an absolute http(s) URL; expected e.g. https://gitlab.example.com/api/v4");
        }

        if (project is { } setProject && !GitLabConnectionSettings.IsProject(setProject.Value))
        {
            throw new GitLabConfigurationException($"{setProject.Source}: '{setProject.Value}' is not a GitLab project; {GitLabConnectionSettings.ProjectShape}");
        }

        return missing.Count == 0 ? null
            : $"GitLab is not configured: set {string.Join(", ", missing)} in .env or the environment (see environments/env.template), "
                + "or pass --skip PrepareSensitiveInformation when every secret is set locally";
    }

    private static (string Source, string Value)? Find(
        IReadOnlyDictionary<string, string?> environment, IReadOnlyDictionary<string, string> dotEnv, (string? Flag, string? Value) given, params string[] names)
    {
        if (given is { Flag: { } flag, Value: { } value } && value.Trim().Length > 0)
        {
            return (flag, value.Trim());
        }

        foreach (var name in names)
        {
            if (environment.TryGetValue(name, out var set) && set?.Trim() is { Length: > 0 } fromProcess)
            {
                return (name, fromProcess);
            }

            if (dotEnv.TryGetValue(name, out var written) && written.Trim() is { Length: > 0 } fromFile)
            {
                return ($".env {name}", fromFile);
            }
        }

        return null;
    }
}
