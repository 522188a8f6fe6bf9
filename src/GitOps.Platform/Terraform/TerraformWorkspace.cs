using GitOps.Platform.Clouds;
using GitOps.Targets.Output;
using GitOps.Targets.Tooling;

namespace GitOps.Platform.Terraform;

/// <summary>
/// Everything needed to run Terraform for one cluster: its root module, where its state lives, its variables, and a
/// data directory of its own. Built by <see cref="TerraformWorkspaceLayout"/>; paths are absolute. (Not a
/// <c>terraform workspace</c>: each cluster has its own backend prefix and uses the default one.)
/// </summary>
public sealed record TerraformWorkspace(
    ClusterKey Cluster,
    string ModuleDirectory,
    IReadOnlyDictionary<string, string> BackendConfig,
    IReadOnlyList<string> VarFiles,
    IReadOnlyDictionary<string, string> Variables,
    string DataDirectory)
{
    public string PlanFile => Path.Combine(DataDirectory, "plan.tfplan");

    public TerraformDriver CreateDriver(IToolRunner runner, ISecretRegistry secrets, ILog log, TerraformSettings settings) =>
        new(runner, secrets, log, ModuleDirectory, DataDirectory, settings);

    /// <summary>The state location as shown to people, e.g. <c>gitops/dev/gcp</c>.</summary>
    public string StateLocation => BackendConfig.TryGetValue("prefix", out var prefix) ? prefix
        : BackendConfig.TryGetValue("path", out var path) ? path
        : "(backend default)";
}
