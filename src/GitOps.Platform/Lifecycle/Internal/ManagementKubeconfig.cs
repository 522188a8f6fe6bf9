using GitOps.Platform.Clouds;
using GitOps.Platform.Environments;
using GitOps.Platform.Kubeconfig;
using GitOps.Platform.Terraform;
using GitOps.Targets.Errors;
using GitOps.Targets.Output;
using GitOps.Targets.Tooling;

namespace GitOps.Platform.Lifecycle.Internal;

/// <summary>
/// Finds the kubeconfig of a stage's management cluster: <c>--mgmt-kubeconfig</c>, else the one ProvisionManagementCluster
/// wrote, else the one its Terraform state holds (a pipeline provisioned it, or the file was deleted).
/// </summary>
internal sealed class ManagementKubeconfig(LifecycleContext context)
{
    public async Task<string> PathAsync(Stage stage, CancellationToken cancellationToken) =>
        await FindAsync(stage, cancellationToken) ?? throw Missing(stage, "its Terraform state holds no cluster");

    /// <summary>The kubeconfig, or null when the management cluster's Terraform state holds no cluster.</summary>
    public async Task<string?> FindAsync(Stage stage, CancellationToken cancellationToken)
    {
        if (context.MgmtKubeconfig is { Length: > 0 } given)
        {
            if (!File.Exists(given))
            {
                throw new UsageException($"--mgmt-kubeconfig {given}: file not found");
            }

            // Checked here, before Provision's Terraform runs: a mistyped file must not wait for a cluster to be created.
            KubeconfigFile.Validate(given);
            return Path.GetFullPath(given);
        }

        var key = ClusterKey.Management(stage.ToName());
        if (context.Kubeconfigs.Exists(key))
        {
            KubeconfigFile.Validate(context.Kubeconfigs.PathFor(key));
            return context.Kubeconfigs.PathFor(key);
        }

        context.Log.Info($"No management kubeconfig at {context.Kubeconfigs.PathFor(key)}; reading it from the management cluster's Terraform state.");
        try
        {
            return (await RefreshAsync(stage, cancellationToken)).KubeconfigPath;
        }
        catch (ClusterNotProvisionedException)
        {
            return null;
        }
        catch (CloudConfigurationException error)
        {
            throw new UsageException(Missing(stage, error.Message).Message);
        }
        catch (Exception error) when (error is ToolFailedException or TerraformStateLockedException)
        {
            throw Missing(stage, error.Message);
        }
    }

    /// <summary>Writes the management kubeconfig from Terraform state (what the old <c>-t</c> did for developers).</summary>
    public Task<ProvisionedCluster> RefreshAsync(Stage stage, CancellationToken cancellationToken) =>
        context.Provisioner.RefreshKubeconfigAsync(context.Layout.ForManagement(stage.ToName(), context.ManagementCloud(stage)), cancellationToken);

    private BuildFailedException Missing(Stage stage, string reason) => new(
        $"No kubeconfig for the management cluster of stage {stage.ToName()} ({context.Kubeconfigs.PathFor(ClusterKey.Management(stage.ToName()))}) "
        + $"and none from Terraform state: {reason.TrimEnd('.')}. Run ProvisionManagementCluster --stage {stage.ToName()} "
        + $"--mgmt-cloud {context.Catalog.ManagementCloud(stage).ToName()}, or pass --mgmt-kubeconfig.");
}
