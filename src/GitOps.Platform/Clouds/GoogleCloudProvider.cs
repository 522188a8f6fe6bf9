namespace GitOps.Platform.Clouds;

/// <summary>Google Cloud: GKE clusters from <c>environments/terraform/gcp</c>, state in a GCS bucket.</summary>
public sealed class GoogleCloudProvider : ICloudProvider
{
    private const string Root = "environments/terraform/gcp";

    public string Name => "gcp";

    public string EnvironmentModuleDirectory => $"{Root}/environment-cluster";

    public string ManagementModuleDirectory => $"{Root}/management-cluster";

    public IReadOnlyList<string> RequiredEnvironmentVariables { get; } = ["GOOGLE_APPLICATION_CREDENTIALS"];

    public IReadOnlyDictionary<string, string> VariablesFromEnvironment { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The project is the stage's (its tfvars), never whatever project the shell happens to point at.</summary>
    public IReadOnlyDictionary<string, string> VariablesMatchingEnvironment { get; } =
        new Dictionary<string, string>(StringComparer.Ordinal) { ["project_id"] = "GOOGLE_PROJECT" };

    public string EnvironmentVarFile(string stage) => $"{Root}/stages/{stage}.tfvars";

    public string ManagementVarFile(string stage) => $"{Root}/stages/mgmt/{stage}.tfvars";
}
