namespace GitOps.Platform.Foundation;

/// <summary>
/// Everything needed to run the foundation's Terraform for one stage: its root module, the backend it keeps its state
/// in once the bucket exists, its variables, and a data directory of its own. Paths are absolute.
/// </summary>
public sealed record FoundationWorkspace(
    string Stage,
    string ModuleDirectory,
    IReadOnlyDictionary<string, string> BackendConfig,
    IReadOnlyList<string> VarFiles,
    IReadOnlyDictionary<string, string> Variables,
    string DataDirectory)
{
    public string PlanFile => Path.Combine(DataDirectory, "plan.tfplan");

    /// <summary>Where the first run (before the bucket exists) keeps its state until it is pushed into the bucket.</summary>
    public string BootstrapDirectory => Path.Combine(DataDirectory, "bootstrap");

    public string BootstrapStateFile => Path.Combine(BootstrapDirectory, "terraform.tfstate");

    public string StateLocation => BackendConfig.TryGetValue("prefix", out var prefix) && BackendConfig.TryGetValue("bucket", out var bucket)
        ? $"gs://{bucket}/{prefix}"
        : BackendConfig.TryGetValue("path", out var path) ? path : "(backend default)";
}
