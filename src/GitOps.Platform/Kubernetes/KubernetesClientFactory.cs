using k8s;
using k8s.Exceptions;

namespace GitOps.Platform.Kubernetes;

/// <summary>Builds the KubernetesClient for a cluster from a kubeconfig file (the one Provision wrote, or --mgmt-kubeconfig).</summary>
public static class KubernetesClientFactory
{
    public static IKubernetes FromKubeconfig(string path, string? context = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new KubeconfigException($"{path}: kubeconfig not found; run Provision (or ProvisionManagementCluster) first, or pass --mgmt-kubeconfig");
        }

        try
        {
            return new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(path, context));
        }
        catch (KubeConfigException error)
        {
            // The library's own message names contexts and users, not credentials.
            throw new KubeconfigException($"{path}: not a usable kubeconfig: {error.Message}");
        }
    }
}
