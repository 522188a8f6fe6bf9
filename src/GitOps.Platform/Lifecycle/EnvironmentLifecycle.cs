using GitOps.Platform.ArgoCd;
using GitOps.Platform.Environments;
using GitOps.Platform.Lifecycle.Internal;
using GitOps.Platform.Terraform;
using GitOps.Targets.Output;

namespace GitOps.Platform.Lifecycle;

/// <summary>
/// One environment (stage x cloud) from nothing to deployed and back, as control-cluster.sh did: its cluster with
/// Terraform, its registration with the stage's Argo CD, the deploy of its app-of-apps, and a destroy that removes
/// what Argo CD deployed before Terraform removes the cluster. Every operation can be rerun and then changes nothing.
/// </summary>
public sealed class EnvironmentLifecycle(LifecycleContext context)
{
    private readonly ManagementKubeconfig management = new(context);

    /// <summary>
    /// Provisions the environment's cluster and registers it with the stage's Argo CD. With
    /// <paramref name="terraformOnly"/> (the old <c>-t</c>) it only runs Terraform and refreshes the management
    /// kubeconfig, so a developer gets both kubeconfigs locally.
    /// </summary>
    public Task<ProvisionedCluster> ProvisionAsync(EnvironmentId environment, bool terraformOnly, CancellationToken cancellationToken) =>
        LifecycleFailures.TranslateAsync(() => context.WithCloudIdentityAsync(environment.Stage, async () =>
        {
            var workspace = context.Layout.ForEnvironment(environment.Stage.ToName(), context.EnvironmentCloud(environment));
            if (terraformOnly)
            {
                var terraformed = await context.Provisioner.ProvisionAsync(workspace, cancellationToken);
                await RefreshManagementKubeconfigAsync(environment.Stage, cancellationToken);
                context.Log.Info($"--terraform-only: {environment} is not registered with Argo CD and not deployed.");
                return terraformed;
            }

            // Before Terraform: creating a cluster takes a quarter of an hour, and without Argo CD it could not be used.
            var kubeconfig = await management.PathAsync(environment.Stage, cancellationToken);
            var cluster = await context.Provisioner.ProvisionAsync(workspace, cancellationToken);
            await GrantArgoCdAccessAsync(environment, cluster, cancellationToken);
            using var client = context.Cluster(kubeconfig);
            await new ClusterRegistration(client, context.Log, context.Secrets).RegisterAsync(
                new EnvironmentCluster
                {
                    Name = context.Catalog.ClusterName(environment),
                    Stage = environment.Stage.ToName(),
                    Server = cluster.Server,
                    CaData = cluster.CaCertificate,
                    Auth = ArgoCdClusterAuth.For(environment.Cloud),
                },
                cancellationToken);
            return cluster;
        }, cancellationToken), cancellationToken);

    /// <summary>
    /// Applies the stage's root Application (root-&lt;stage&gt;.yaml: its AppProject and the root, which tracks main and
    /// holds the stage's parent file), syncs it, and waits by watch until the root, the parents it creates and their
    /// children are Synced and Healthy. The parents are never applied directly: from then on, a merged change to the
    /// parent file (a pin moved by a promotion) takes effect through the root, with nobody applying anything.
    /// </summary>
    public Task<AppOfAppsDeployment> DeployAppOfAppsAsync(EnvironmentId environment, TimeSpan timeout, CancellationToken cancellationToken) =>
        LifecycleFailures.TranslateAsync(() => context.WithCloudIdentityAsync(environment.Stage, async () =>
        {
            context.EnvironmentCloud(environment);

            // Checked before anything is applied: the parent file must hold this environment's parent for the root to create it.
            AppOfAppsManifest.Load(context.AppOfAppsFile(environment.Stage), EnvironmentLayout.ReleaseName(environment));
            var root = AppOfAppsManifest.Load(context.RootFile(environment.Stage), EnvironmentLayout.RootApplicationName(environment.Stage));
            var kubeconfig = await management.PathAsync(environment.Stage, cancellationToken);
            using var client = context.Cluster(kubeconfig, timeout);
            return await KubeconfigBlame.NamingAsync(kubeconfig, () => new AppOfAppsDeployer(client, context.Log).DeployAsync(root, timeout, cancellationToken));
        }, cancellationToken), cancellationToken);

    /// <summary>
    /// Deletes the stage's root Application without cascading (see <see cref="ApplicationTeardown.ReleaseRootAsync"/>),
    /// then the environment's app-of-apps and its children (other clouds of the stage and the AppProject stay),
    /// unregisters the cluster, and only then destroys it. Terraform's init and a destroy plan run first, so bad
    /// credentials or a wrong state stop it before anything is deleted; Applications that do not go stop it before Terraform.
    /// </summary>
    public Task DestroyAsync(EnvironmentId environment, TimeSpan timeout, DestroyApproval approval, CancellationToken cancellationToken) =>
        LifecycleFailures.TranslateAsync(() => context.WithCloudIdentityAsync(environment.Stage, async () =>
        {
            ArgumentNullException.ThrowIfNull(approval);
            approval.Require(environment.Stage, environment.ToString());
            var workspace = context.Layout.ForEnvironment(environment.Stage.ToName(), context.EnvironmentCloud(environment));
            var kubeconfig = await management.PathAsync(environment.Stage, cancellationToken);

            // Before anything is deleted: if Terraform cannot run (init, state, credentials), a destroy that failed only
            // after the teardown would leave a cluster whose workloads are gone.
            var plan = await context.Provisioner.PlanDestroyAsync(workspace, cancellationToken);
            var parent = EnvironmentLayout.ReleaseName(environment);
            using (var client = context.Cluster(kubeconfig, timeout))
            {
                await KubeconfigBlame.NamingAsync(kubeconfig, async () =>
                {
                    await EmptyStateGuard.RequireNothingDeployedAsync(client, plan, parent, cancellationToken);

                    // The root first: while it syncs main, it would re-create the parent being deleted.
                    var teardown = new ApplicationTeardown(client, context.Log);
                    await teardown.ReleaseRootAsync(EnvironmentLayout.RootApplicationName(environment.Stage), timeout, cancellationToken);
                    await teardown.TeardownAsync(parent, context.Catalog.ClusterName(environment), timeout, cancellationToken);
                });
            }

            await context.Provisioner.DestroyAsync(plan, cancellationToken);
        }, cancellationToken), cancellationToken);

    /// <summary>
    /// Binds Kubernetes RBAC to the stage's Argo CD identities in the new cluster, with the deployer's own credentials
    /// (Terraform cannot: no kubernetes provider here): the controller deploys, argocd-server only reads (secrets
    /// excepted). Their cloud role only lets them authenticate.
    /// </summary>
    private async Task GrantArgoCdAccessAsync(EnvironmentId environment, ProvisionedCluster cluster, CancellationToken cancellationToken)
    {
        if (environment.Cloud != Cloud.Gcp)
        {
            return;
        }

        var controller = ArgoCdWorkloadIdentity.Output(cluster, ArgoCdWorkloadIdentity.GoogleServiceAccountOutput);
        var server = ArgoCdWorkloadIdentity.Output(cluster, ArgoCdWorkloadIdentity.ServerGoogleServiceAccountOutput);
        using var client = context.Cluster(cluster.KubeconfigPath);
        await KubeconfigBlame.NamingAsync(cluster.KubeconfigPath, async () =>
        {
            await new ArgoCdClusterAccess(client, context.Log).GrantAsync(cluster.Name, controller, cancellationToken);
            await new ArgoCdServerClusterAccess(client, context.Log).GrantAsync(cluster.Name, server, cancellationToken);
        });
    }

    private async Task RefreshManagementKubeconfigAsync(Stage stage, CancellationToken cancellationToken)
    {
        if (context.MgmtKubeconfig is not null)
        {
            return;
        }

        try
        {
            await management.RefreshAsync(stage, cancellationToken);
        }
        catch (ClusterNotProvisionedException)
        {
            context.Log.Warning($"The management cluster of stage {stage.ToName()} is not provisioned; only the environment's kubeconfig was written.");
        }
    }
}
