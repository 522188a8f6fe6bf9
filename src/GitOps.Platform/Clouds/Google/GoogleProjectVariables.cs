namespace GitOps.Platform.Clouds.Google;

/// <summary>
/// The environment variables that name a Google Cloud project for Google's tools: the google Terraform provider falls
/// back to them in this order when a resource names no project, and gcloud reads the last. A shell pointed at another
/// project than the stage's tfvars means someone is about to work on the wrong project.
/// </summary>
public static class GoogleProjectVariables
{
    public static IReadOnlyList<string> Names { get; } = ["GOOGLE_PROJECT", "GOOGLE_CLOUD_PROJECT", "GCLOUD_PROJECT", "CLOUDSDK_CORE_PROJECT"];

    /// <summary>
    /// One-line <see cref="CloudConfigurationException"/> when any of <see cref="Names"/> is set to another project
    /// than <paramref name="project"/>, which <paramref name="where"/> (file:line) sets for <paramref name="what"/>.
    /// </summary>
    public static void RequireAgreement(string project, string where, string what, Func<string, string?> environment)
    {
        ArgumentException.ThrowIfNullOrEmpty(project);
        ArgumentNullException.ThrowIfNull(environment);
        foreach (var name in Names)
        {
            if (environment(name)?.Trim() is { Length: > 0 } named && named != project)
            {
                throw new CloudConfigurationException(
                    $"{name} is '{named}' but {where} puts {what} in project_id '{project}'; unset {name} or set it to '{project}'. Nothing was run.");
            }
        }
    }
}
