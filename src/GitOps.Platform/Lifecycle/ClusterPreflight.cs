using GitOps.Platform.ArgoCd;
using GitOps.Platform.Clouds;
using GitOps.Platform.Clouds.Google;
using GitOps.Platform.Environments;
using GitOps.Platform.Kubeconfig;
using GitOps.Platform.Kubernetes;
using GitOps.Targets.Errors;

namespace GitOps.Platform.Lifecycle;

/// <summary>
/// What a cluster target reads before its first step, checked with the build's requirements: before
/// PrepareSensitiveInformation asks GitLab for anything and before terraform or a cluster is reached, so a mistake is
/// one line with exit 2 and nothing was acted on. The checks are the targets' own (the layout, the credentials, the
/// manifests), so the two cannot disagree. Locally a variable that is not set yet may still come from the project's
/// GitLab variables: only what is set is judged (a local value wins over GitLab's, so it is final). In a pipeline
/// (<see cref="LifecycleContext.Pipeline"/>) nothing arrives later, and the job's token must be usable.
/// </summary>
/// <param name="context">The build's context, its <see cref="LifecycleContext.Environment"/> the values known before GitLab is asked (the process and .env).</param>
public sealed class ClusterPreflight(LifecycleContext context)
{
    public bool Provision(EnvironmentId environment, bool terraformOnly) => Checked(() =>
    {
        RequireEnvironmentRoot(environment);
        RequireManagementKubeconfig(environment.Stage, refreshed: terraformOnly);
    });

    public bool DeployAppOfApps(EnvironmentId environment) => Checked(() =>
    {
        RequireIdentity(environment.Stage);
        AppOfAppsManifest.Load(context.AppOfAppsFile(environment.Stage), EnvironmentLayout.ReleaseName(environment));
        AppOfAppsManifest.Load(context.RootFile(environment.Stage), EnvironmentLayout.RootApplicationName(environment.Stage));
        RequireManagementKubeconfig(environment.Stage, refreshed: false);
    });

    public bool Destroy(EnvironmentId environment) => Checked(() =>
    {
        RequireEnvironmentRoot(environment);
        RequireManagementKubeconfig(environment.Stage, refreshed: false);
    });

    public bool ProvisionManagement(Stage stage, Cloud managementCloud) => Checked(() =>
    {
        RequireManagementRoot(stage, managementCloud);
        ArgoCdChart.Load(context.RepositoryRoot);
        AppOfAppsManifest.LoadProjects(context.AppOfAppsFile(stage));
        AppOfAppsManifest.LoadProjects(EnvironmentLayout.Resolve(context.RepositoryRoot, EnvironmentLayout.DefaultProjectFile));
    });

    public bool DestroyManagement(Stage stage, Cloud managementCloud) => Checked(() => RequireManagementRoot(stage, managementCloud));

    private void RequireEnvironmentRoot(EnvironmentId environment)
    {
        RequireIdentity(environment.Stage);
        context.Layout.RequireInputs(environment.Stage.ToName(), context.EnvironmentCloud(environment), management: false, unsetIsFinal: context.Pipeline, credentials: !context.Pipeline);
    }

    private void RequireManagementRoot(Stage stage, Cloud? requested)
    {
        RequireIdentity(stage);
        context.Layout.RequireInputs(stage.ToName(), context.ManagementCloud(stage, requested), management: true, unsetIsFinal: context.Pipeline, credentials: !context.Pipeline);
    }

    /// <summary>
    /// The management kubeconfig as <c>ManagementKubeconfig</c> finds it: --mgmt-kubeconfig is checked by the build
    /// itself; a stored one must be a kubeconfig; without one (or when <paramref name="refreshed"/>) the management
    /// root's state is read, so its inputs count too.
    /// </summary>
    private void RequireManagementKubeconfig(Stage stage, bool refreshed)
    {
        if (context.MgmtKubeconfig is { Length: > 0 })
        {
            return;
        }

        var key = ClusterKey.Management(stage.ToName());
        if (!refreshed && context.Kubeconfigs.Exists(key))
        {
            KubeconfigFile.Validate(context.Kubeconfigs.PathFor(key));
            return;
        }

        RequireManagementRoot(stage, requested: null);
    }

    /// <summary>In a pipeline the job's OIDC token, its audience and the committed deployer; locally the credentials file is the layout's to check.</summary>
    private void RequireIdentity(Stage stage)
    {
        if (context.Pipeline)
        {
            WorkloadIdentityCredentials.Require(context.Environment, CommittedDeployer.Load(context.RepositoryRoot, stage.ToName()), pipeline: true);
        }
    }

    private static bool Checked(Action check)
    {
        try
        {
            check();
        }
        catch (Exception problem) when (problem is CloudConfigurationException or KubeconfigException or ManifestException)
        {
            throw new UsageException(problem.Message, problem);
        }

        return true;
    }
}
