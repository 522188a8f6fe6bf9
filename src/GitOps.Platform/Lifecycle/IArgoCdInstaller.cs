namespace GitOps.Platform.Lifecycle;

/// <summary>Installs (or upgrades to) the pinned Argo CD on a management cluster. Rerunning it changes nothing.</summary>
public interface IArgoCdInstaller
{
    Task InstallAsync(ArgoCdChart chart, string kubeconfigPath, CancellationToken cancellationToken);
}
