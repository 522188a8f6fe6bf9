using GitOps.Platform.Clouds;
using GitOps.Platform.Environments;
using GitOps.Platform.Terraform;

namespace GitOps.Platform.Lifecycle.Internal;

/// <summary>
/// The cloud identities Argo CD's components act as, so the exec auth of <see cref="ArgoCdClusterAuth"/> can reach
/// the environment clusters: the application controller (which syncs) and argocd-server (read-only, for the UI's pod
/// logs and live manifests), each its own. On GKE, Workload Identity maps a Kubernetes service account to the Google
/// service account the foundation creates, through an annotation on that Kubernetes service account.
/// </summary>
internal static class ArgoCdWorkloadIdentity
{
    /// <summary>Output of environments/terraform/gcp/management-cluster/outputs.tf.</summary>
    public const string GoogleServiceAccountOutput = "argocd_service_account";

    /// <summary>Output of environments/terraform/gcp/management-cluster/outputs.tf: argocd-server's read-only account.</summary>
    public const string ServerGoogleServiceAccountOutput = "argocd_server_service_account";

    public const string GkeAnnotation = "iam.gke.io/gcp-service-account";

    /// <summary>Per argo-cd chart component (values &lt;component&gt;.serviceAccount) the annotations of its service account.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ServiceAccountAnnotations(Cloud cloud, ProvisionedCluster cluster) => cloud switch
    {
        Cloud.Gcp => new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal)
        {
            ["controller"] = new Dictionary<string, string>(StringComparer.Ordinal) { [GkeAnnotation] = Output(cluster, GoogleServiceAccountOutput) },
            ["server"] = new Dictionary<string, string>(StringComparer.Ordinal) { [GkeAnnotation] = Output(cluster, ServerGoogleServiceAccountOutput) },
        },
        _ => throw new CloudConfigurationException($"No Argo CD workload identity is defined for cloud '{cloud.ToName()}'; supported clouds: {string.Join(", ", CloudProviders.Names)}"),
    };

    /// <summary>The Google service account of one output of a cluster root's Terraform state.</summary>
    public static string Output(ProvisionedCluster cluster, string output) =>
        cluster.Outputs.All.TryGetValue(output, out var value) && value.AsString() is { Length: > 0 } email
            ? email
            : throw new ClusterNotProvisionedException(
                $"{cluster.Key}: the Terraform state lacks the output {output}; without it Argo CD cannot authenticate to the environment clusters");
}
