using GitOps.Platform.Kubeconfig;
using k8s;
using k8s.Exceptions;

namespace GitOps.Platform.Kubernetes;

/// <summary>Builds the KubernetesClient for a cluster from a kubeconfig file (the one Provision wrote, or --mgmt-kubeconfig).</summary>
public static class KubernetesClientFactory
{
    /// <param name="path">The kubeconfig; checked first (<see cref="KubeconfigFile.Validate"/>).</param>
    /// <param name="context">The context to use; default its current-context.</param>
    /// <param name="requestTimeout">
    /// How long one request may wait for the API server's answer (watches excepted: their callers bound them); default
    /// the client's 100 s, which would outlast a shorter --timeout against a server that accepts and never answers.
    /// </param>
    public static IKubernetes FromKubeconfig(string path, string? context = null, TimeSpan? requestTimeout = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new KubeconfigException($"{path}: kubeconfig not found; run Provision (or ProvisionManagementCluster) first, or pass --mgmt-kubeconfig");
        }

        KubeconfigFile.Validate(path, context);
        KubernetesClientConfiguration configuration;
        try
        {
            configuration = KubernetesClientConfiguration.BuildConfigFromConfigFile(path, context);
        }
        catch (KubeConfigException error)
        {
            // The library's own message names contexts and users, not credentials.
            throw new KubeconfigException($"{path}: not a usable kubeconfig: {error.Message}");
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // Anything else the loader trips over (a malformed certificate, base64 that is not): its message may quote
            // the file's content, so only the kind of problem is named.
            throw new KubeconfigException($"{path}: not a usable kubeconfig (its credentials or certificates could not be read)", error);
        }

        if (requestTimeout is { } timeout)
        {
            configuration.HttpClientTimeout = timeout;
        }

        return new k8s.Kubernetes(configuration);
    }
}
