using GitOps.Platform.ArgoCd;
using GitOps.Platform.Clouds;
using GitOps.Platform.Environments;

namespace GitOps.Platform.Lifecycle.Internal;

/// <summary>How the stage's Argo CD authenticates to an environment cluster, per cloud. No long-lived token is stored.</summary>
internal static class ArgoCdClusterAuth
{
    /// <summary>Argo CD's own image ships <c>argocd-k8s-auth gcp</c>, which uses the workload identity of the controller.</summary>
    public static ClusterAuth For(Cloud cloud) => cloud switch
    {
        Cloud.Gcp => ExecProviderAuth.ArgoCdGcp,
        _ => throw new CloudConfigurationException($"No Argo CD authentication is defined for cloud '{cloud.ToName()}'; supported clouds: {string.Join(", ", CloudProviders.Names)}"),
    };
}
