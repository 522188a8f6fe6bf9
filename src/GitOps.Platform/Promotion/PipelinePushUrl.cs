namespace GitOps.Platform.Promotion;

/// <summary>
/// The URL a GitLab job pushes promotion branches to. The checkout's CI_JOB_TOKEN may fetch but never push, so the
/// push goes to <c>https://oauth2:&lt;GITLAB_TOKEN&gt;@host/group/project.git</c> built from the job's variables.
/// The result holds a token: register it (or the token) as a secret before it can be printed.
/// </summary>
public static class PipelinePushUrl
{
    /// <summary>The push URL, or null when CI_SERVER_URL, CI_PROJECT_PATH or GITLAB_TOKEN is missing.</summary>
    public static string? From(IReadOnlyDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        string? Get(string key) => environment.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        if (Get("CI_SERVER_URL") is not { } server || Get("CI_PROJECT_PATH") is not { } project || Get("GITLAB_TOKEN") is not { } token
            || !Uri.TryCreate(server, UriKind.Absolute, out var root))
        {
            return null;
        }

        return $"{root.Scheme}://oauth2:{Uri.EscapeDataString(token)}@{root.Authority}{root.AbsolutePath.TrimEnd('/')}/{project.Trim('/')}.git";
    }
}
