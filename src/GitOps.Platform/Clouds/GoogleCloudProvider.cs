using GitOps.Platform.Clouds.Google;

namespace GitOps.Platform.Clouds;

/// <summary>
/// Google Cloud: GKE clusters from <c>environments/terraform/gcp</c>, state in a GCS bucket. Credentials are Google's
/// application default credentials (gcloud's ADC file or GOOGLE_APPLICATION_CREDENTIALS; in GitLab CI an
/// external_account file the build writes from the job's OIDC token), for Terraform and the build alike.
/// </summary>
public sealed class GoogleCloudProvider : ICloudProvider
{
    private const string Root = "environments/terraform/gcp";

    public string Name => "gcp";

    public string EnvironmentModuleDirectory => $"{Root}/environment-cluster";

    public string ManagementModuleDirectory => $"{Root}/management-cluster";

    /// <summary>None: gcloud's ADC file needs no variable; <see cref="RequireCredentials"/> checks that some credentials exist.</summary>
    public IReadOnlyList<string> RequiredEnvironmentVariables { get; } = [];

    public IReadOnlyDictionary<string, string> VariablesFromEnvironment { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The project is the stage's (its tfvars), never whatever project the shell happens to point at.</summary>
    public IReadOnlyDictionary<string, string> VariablesMatchingEnvironment { get; } =
        new Dictionary<string, string>(StringComparer.Ordinal) { ["project_id"] = "GOOGLE_PROJECT" };

    public void RequireCredentials(Func<string, string?> environment) => GoogleCredentialFile.Locate(environment);

    public string EnvironmentVarFile(string stage) => $"{Root}/stages/{stage}.tfvars";

    public string ManagementVarFile(string stage) => $"{Root}/stages/mgmt/{stage}.tfvars";
}
