namespace GitOps.Platform.Clouds.Google;

/// <summary>
/// Where Google application default credentials come from, in the order Google's client libraries use:
/// GOOGLE_APPLICATION_CREDENTIALS, else the file <c>gcloud auth application-default login</c> writes. In GitLab CI the
/// build writes an external_account file from the job's OIDC token (<see cref="WorkloadIdentityCredentials"/>).
/// </summary>
public static class GoogleCredentialFile
{
    public const string Variable = "GOOGLE_APPLICATION_CREDENTIALS";

    private const string WellKnownName = "application_default_credentials.json";

    /// <summary>The credentials file to use; a one-line <see cref="CloudConfigurationException"/> when there is none.</summary>
    public static string Locate(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment(Variable) is { Length: > 0 } configured)
        {
            return File.Exists(configured)
                ? Path.GetFullPath(configured)
                : throw new CloudConfigurationException($"{Variable}={configured}: file not found; point it at a Google credentials file, or unset it to use gcloud's application default credentials");
        }

        var wellKnown = WellKnownPath(environment);
        return wellKnown is not null && File.Exists(wellKnown)
            ? wellKnown
            : throw new CloudConfigurationException(
                $"No Google credentials: run 'gcloud auth application-default login' (writes {wellKnown ?? WellKnownName}) or set {Variable}; "
                + $"in GitLab CI the build makes them from the job's OIDC token {WorkloadIdentityCredentials.IdTokenVariable}");
    }

    /// <summary>gcloud's ADC file: $CLOUDSDK_CONFIG, else %APPDATA%\gcloud on Windows and ~/.config/gcloud elsewhere.</summary>
    private static string? WellKnownPath(Func<string, string?> environment)
    {
        if (environment("CLOUDSDK_CONFIG") is { Length: > 0 } configDirectory)
        {
            return Path.Combine(configDirectory, WellKnownName);
        }

        if (OperatingSystem.IsWindows())
        {
            return environment("APPDATA") is { Length: > 0 } appData ? Path.Combine(appData, "gcloud", WellKnownName) : null;
        }

        return environment("HOME") is { Length: > 0 } home ? Path.Combine(home, ".config", "gcloud", WellKnownName) : null;
    }
}
