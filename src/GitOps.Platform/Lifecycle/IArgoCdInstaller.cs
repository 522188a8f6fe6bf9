namespace GitOps.Platform.Lifecycle;

/// <summary>Installs (or upgrades to) the pinned Argo CD on a management cluster. Rerunning it changes nothing.</summary>
public interface IArgoCdInstaller
{
    /// <param name="chart">The pinned chart.</param>
    /// <param name="kubeconfigPath">The management cluster.</param>
    /// <param name="serviceAccountAnnotations">
    /// Put on the controller's and the server's Kubernetes service accounts: the cloud identity (GKE Workload Identity)
    /// they use to reach the environment clusters.
    /// </param>
    /// <param name="cancellationToken">Stops the install.</param>
    Task InstallAsync(ArgoCdChart chart, string kubeconfigPath, IReadOnlyDictionary<string, string> serviceAccountAnnotations, CancellationToken cancellationToken);
}
