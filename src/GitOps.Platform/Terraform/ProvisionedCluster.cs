using GitOps.Platform.Clouds;

namespace GitOps.Platform.Terraform;

/// <summary>
/// A cluster Terraform built: what Argo CD needs to register it (name, API server URL, base64 CA certificate), where
/// its kubeconfig was written, and all module outputs for anything cloud-specific.
/// </summary>
public sealed record ProvisionedCluster(
    ClusterKey Key,
    string Name,
    string Server,
    string CaCertificate,
    string KubeconfigPath,
    TerraformOutputs Outputs);
