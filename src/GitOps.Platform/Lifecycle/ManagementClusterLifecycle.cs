using GitOps.Platform.ArgoCd;
using GitOps.Platform.Clouds;
using GitOps.Platform.Environments;
using GitOps.Platform.Git;
using GitOps.Platform.Pipelines;
using GitOps.Platform.Lifecycle.Internal;
using GitOps.Platform.Terraform;
using GitOps.Targets.Errors;
using GitOps.Targets.Output;

namespace GitOps.Platform.Lifecycle;

/// <summary>
/// A stage's management cluster, as control-mgmt-cluster.sh did: Terraform, then the pinned Argo CD with helm, then
/// the configuration the chart does not hold (the stage's AppProjects, Argo CD's default project emptied, the
/// Application health check, the e2e hook's namespace and the trigger token Secret it reads); destroyed only
/// when no environment cluster of the stage is registered with it any more.
/// </summary>
public sealed class ManagementClusterLifecycle(LifecycleContext context)
{
    private readonly ManagementKubeconfig management = new(context);

    public Task<ProvisionedCluster> ProvisionAsync(Stage stage, Cloud managementCloud, CancellationToken cancellationToken) =>
        LifecycleFailures.TranslateAsync(() => context.WithCloudIdentityAsync(stage, async () =>
        {
            var workspace = context.Layout.ForManagement(stage.ToName(), context.ManagementCloud(stage, managementCloud));
            var chart = ArgoCdChart.Load(context.RepositoryRoot);
            var projects = AppOfAppsManifest.LoadProjects(context.AppOfAppsFile(stage))
                .Concat(AppOfAppsManifest.LoadProjects(EnvironmentLayout.Resolve(context.RepositoryRoot, EnvironmentLayout.DefaultProjectFile)))
                .ToList();
            var triggerToken = context.Environment(E2eTriggerToken.Variable) is { Length: > 0 } token
                ? token
                : throw new UsageException($"{E2eTriggerToken.Variable} is not set: the PostSync e2e trigger of every environment of stage {stage.ToName()} reads "
                    + $"this GitLab pipeline trigger token from Secret {E2eTriggerToken.HookNamespace(stage)}/{E2eTriggerToken.SecretName}; store it as a masked CI/CD variable or in .env");
            // Checked before anything is provisioned: GitLab's version and the token's role (the restriction itself comes last).
            var lockdown = new PipelineVariablesLockdown(context.Catalog, context.RepositoryRoot, new GitCli(context.Tools, context.RepositoryRoot, context.Secrets), context.Log);
            var restrict = await lockdown.CheckAsync(context.GitLab, cancellationToken);
            var cluster = await context.Provisioner.ProvisionAsync(workspace, cancellationToken);
            var identity = ArgoCdWorkloadIdentity.ServiceAccountAnnotations(context.Catalog.ManagementCloud(stage), cluster);
            await using (var helmKubeconfig = await context.Clusters.ForHelmAsync(cluster.KubeconfigPath, HelmArgoCdInstaller.WaitTimeout + TimeSpan.FromMinutes(5), cancellationToken))
            {
                await context.Installer.InstallAsync(chart, helmKubeconfig.Path, identity, cancellationToken);
            }

            using var client = context.Cluster(cluster.KubeconfigPath);
            var configuration = new ArgoCdConfiguration(client, context.Log, chart.Namespace);
            foreach (var project in projects)
            {
                await configuration.ApplyProjectManifestAsync(project, cancellationToken);
            }

            await configuration.ApplyApplicationHealthCheckAsync(chart.ApplicationHealthLua, cancellationToken);
            var hookToken = new E2eTriggerToken(client, context.Log, context.Secrets, E2eTriggerToken.HookNamespace(stage));
            await hookToken.ApplyAsync(triggerToken, cancellationToken);
            await hookToken.RemoveFromAsync(chart.Namespace, cancellationToken);

            // Last: the hook posts inputs and the committed pipeline reads them, so GitLab now refuses every pipeline
            // variable (which could override CI_PIPELINE_SOURCE or reach the runner's git); the log names pins still before inputs.
            if (restrict)
            {
                await lockdown.RestrictAsync(context.GitLab!, cancellationToken);
            }

            context.Log.Success($"Management cluster of stage {stage.ToName()} runs Argo CD {chart.Version}; kubeconfig: {cluster.KubeconfigPath}");
            return cluster;
        }, cancellationToken), cancellationToken);

    /// <summary>
    /// Refused while environment clusters of the stage are registered with its Argo CD or any Application exists there
    /// (their resources, on this or another cluster, would be orphaned). Argo CD itself goes with the cluster: the
    /// management Terraform manages no Kubernetes objects, so terraform destroy never needs to reach the cluster.
    /// </summary>
    public Task DestroyAsync(Stage stage, Cloud managementCloud, DestroyApproval approval, CancellationToken cancellationToken) =>
        LifecycleFailures.TranslateAsync(() => context.WithCloudIdentityAsync(stage, async () =>
        {
            ArgumentNullException.ThrowIfNull(approval);
            var key = ClusterKey.Management(stage.ToName());
            approval.Require(stage, key.ToString());
            var workspace = context.Layout.ForManagement(stage.ToName(), context.ManagementCloud(stage, managementCloud));
            if (await management.FindAsync(stage, cancellationToken) is { } kubeconfig)
            {
                using var client = context.Cluster(kubeconfig);
                await new ClusterRegistration(client, context.Log).EnsureNoneRegisteredAsync(stage.ToName(), cancellationToken);
                await new ArgoCdConfiguration(client, context.Log, ArgoCdChart.Load(context.RepositoryRoot).Namespace).EnsureNoApplicationsAsync(stage.ToName(), cancellationToken);
            }
            else
            {
                context.Log.Info($"The Terraform state of {key} holds no cluster; nothing can be registered with it.");
            }

            await context.Provisioner.DestroyAsync(workspace, cancellationToken);
        }, cancellationToken), cancellationToken);
}
