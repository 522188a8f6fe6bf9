using GitOps.Platform.Clouds;
using GitOps.Platform.Environments;
using GitOps.Platform.Terraform;

namespace GitOps.Platform.Lifecycle.Internal;

/// <summary>
/// The cloud identity Argo CD's application controller acts as, so the exec auth of <see cref="ArgoCdClusterAuth"/> can
/// reach the environment clusters. On GKE, Workload Identity maps a Kubernetes service account to the Google service
/// account the management cluster's Terraform creates, through an annotation on that Kubernetes service account.
/// </summary>
internal static class ArgoCdWorkloadIdentity
{
    /// <summary>Output of environments/terraform/gcp/management-cluster/outputs.tf.</summary>
    public const string GoogleServiceAccountOutput = "argocd_service_account";

    public const string GkeAnnotation = "iam.gke.io/gcp-service-account";

    public static IReadOnlyDictionary<string, string> ServiceAccountAnnotations(Cloud cloud, ProvisionedCluster cluster) => cloud switch
    {
        Cloud.Gcp => new Dictionary<string, string>(StringComparer.Ordinal) { [GkeAnnotation] = GoogleServiceAccount(cluster) },
        _ => throw new CloudConfigurationException($"No Argo CD workload identity is defined for cloud '{cloud.ToName()}'; supported clouds: {string.Join(", ", CloudProviders.Names)}"),
    };

    private static string GoogleServiceAccount(ProvisionedCluster cluster) =>
        cluster.Outputs.All.TryGetValue(GoogleServiceAccountOutput, out var output) && output.AsString() is { Length: > 0 } email
            ? email
            : throw new ClusterNotProvisionedException(
                $"{cluster.Key}: the Terraform state lacks the output {GoogleServiceAccountOutput}; without it Argo CD cannot authenticate to the environment clusters");
}
