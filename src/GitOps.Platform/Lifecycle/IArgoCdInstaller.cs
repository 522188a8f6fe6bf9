namespace GitOps.Platform.Lifecycle;

/// <summary>Installs (or upgrades to) the pinned Argo CD on a management cluster. Rerunning it changes nothing.</summary>
public interface IArgoCdInstaller
{
    /// <param name="chart">The pinned chart.</param>
    /// <param name="kubeconfigPath">The management cluster.</param>
    /// <param name="serviceAccountAnnotations">
    /// Per chart component (controller, server): the annotations of its Kubernetes service account, i.e. the cloud
    /// identity (GKE Workload Identity) it uses to reach the environment clusters. Each component has its own.
    /// </param>
    /// <param name="cancellationToken">Stops the install.</param>
    Task InstallAsync(ArgoCdChart chart, string kubeconfigPath, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> serviceAccountAnnotations, CancellationToken cancellationToken);
}
