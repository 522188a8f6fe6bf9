namespace GitOps.Targets.Parameters;

/// <summary>
/// Whether the build runs as a GitLab CI job. GitLab ranks trigger, API and manual-job variables above its predefined
/// ones, so a trigger can send <c>GITLAB_CI=false</c> or an empty <c>CI_JOB_TOKEN</c>; it can never remove a variable the
/// runner sets. So the markers count when they are present at all, whatever their value: a variable can switch pipeline
/// mode (and its guards) on, never off.
/// </summary>
public static class CiJobMarkers
{
    /// <summary>Set by every GitLab runner in every job.</summary>
    public static IReadOnlyList<string> Names { get; } = ["GITLAB_CI", "CI_JOB_TOKEN", "CI_JOB_ID"];

    public static bool Present(Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        return Names.Any(name => variable(name) is not null);
    }
}
