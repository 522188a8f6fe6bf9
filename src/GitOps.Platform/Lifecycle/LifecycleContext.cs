using GitOps.Platform.Clouds;
using GitOps.Platform.Clouds.Google;
using GitOps.Platform.Environments;
using GitOps.Platform.Kubeconfig;
using GitOps.Platform.Terraform;
using GitOps.Targets.Errors;
using GitOps.Targets.Output;
using GitOps.Targets.Parameters;
using GitOps.Targets.Tooling;

namespace GitOps.Platform.Lifecycle;

/// <summary>
/// What the lifecycle operations need from the build: where the repository and <c>.nuke/temp</c> are, the tool
/// runner, masker and log, the environment, and the parameters that choose state and management cluster. The
/// optional members let tests point Terraform at other root modules and state, and replace the helm install.
/// </summary>
public sealed class LifecycleContext
{
    private StageCatalog? catalog;
    private ClusterAccess? clusters;
    private string? workloadIdentityCredentials;

    public required string RepositoryRoot { get; init; }

    /// <summary><c>.nuke/temp</c>: kubeconfigs go to <c>&lt;stage&gt;-&lt;cloud|mgmt&gt;/kubeconfig</c> below it.</summary>
    public required string TemporaryDirectory { get; init; }

    public required IToolRunner Tools { get; init; }

    public required ISecretRegistry Secrets { get; init; }

    public required ILog Log { get; init; }

    /// <summary>Environment variables (cloud credentials, TF_STATE_BUCKET).</summary>
    public required Func<string, string?> Environment { get; init; }

    /// <summary><c>--tf-state-bucket</c>; falls back to TF_STATE_BUCKET.</summary>
    public string? StateBucket { get; init; }

    /// <summary><c>--mgmt-kubeconfig</c>: use this instead of the management kubeconfig under <see cref="TemporaryDirectory"/>.</summary>
    public string? MgmtKubeconfig { get; init; }

    /// <summary>
    /// <c>--timeout</c>: the longest any one request to a cluster's API server may wait for its answer (watches are bounded
    /// by the waits that use them). Null: the Kubernetes client's default of 100 s.
    /// </summary>
    public TimeSpan? ClusterRequestTimeout { get; init; }

    public TerraformSettings Terraform { get; init; } = new();

    /// <summary>
    /// The project's GitLab API, for ProvisionManagementCluster to let no one set pipeline variables
    /// (<see cref="Pipelines.PipelineVariablesLockdown"/>); null when GitLab is not configured.
    /// </summary>
    public Func<GitLab.GitLabClient>? GitLab { get; init; }

    /// <summary>Pipeline mode (--pipeline, or a GitLab job marker): cloud identity only from the job's OIDC token.</summary>
    public bool Pipeline { get; init; }

    /// <summary>Replaces the GCS state bucket (tests use local state files).</summary>
    public TerraformStateBackend? StateBackend { get; init; }

    /// <summary>The cloud provider of a cloud name; default <see cref="CloudProviders.Get"/>.</summary>
    public Func<string, ICloudProvider> Clouds { get; init; } = CloudProviders.Get;

    /// <summary>Default: helm from PATH or installed into <c>.nuke/tools</c>.</summary>
    public IArgoCdInstaller? ArgoCdInstaller { get; init; }

    /// <summary>Replaces Google.Apis.Auth's HTTP stack (tests route Google's token endpoint to a loopback stand-in).</summary>
    public global::Google.Apis.Http.IHttpClientFactory? GoogleHttpClientFactory { get; init; }

    /// <summary>Where a Workload Identity credential file sends its exchanges; default Google's (tests: loopback).</summary>
    public GoogleEndpoints GoogleEndpoints { get; init; } = GoogleEndpoints.Google;

    /// <summary>KubernetesClient and helm access to clusters, with the same Google credentials as Terraform.</summary>
    internal ClusterAccess Clusters => clusters ??= new ClusterAccess(
        () => GoogleAccessTokens.FromFile(GoogleCredentialFile.Locate(CloudVariable), Secrets, CiJobMarkers.Present(CloudVariable), GoogleHttpClientFactory),
        TemporaryDirectory);

    internal StageCatalog Catalog =>
        catalog ??= StageCatalog.Load(EnvironmentLayout.Resolve(RepositoryRoot, EnvironmentLayout.StagesFile));

    internal TerraformWorkspaceLayout Layout => new(RepositoryRoot, StateBucket, CloudVariable, StateBackend);

    internal KubeconfigStore Kubeconfigs => new(TemporaryDirectory, Secrets);

    internal ClusterProvisioner Provisioner => new(Tools, Secrets, Log, Kubeconfigs, workloadIdentityCredentials is null
        ? Terraform
        : Terraform with { Environment = new Dictionary<string, string?>(Terraform.Environment) { [GoogleCredentialFile.Variable] = workloadIdentityCredentials } });

    /// <summary>
    /// Runs a lifecycle operation with the job's cloud identity: in a GitLab job with an OIDC ID token, the Workload
    /// Identity credential file is written first, for the stage's committed provider and deployer (Terraform and the build read it through GOOGLE_APPLICATION_CREDENTIALS)
    /// and removed afterwards; elsewhere application default credentials are used as they are.
    /// </summary>
    internal async Task<T> WithCloudIdentityAsync<T>(Stage stage, Func<Task<T>> operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        workloadIdentityCredentials = await WorkloadIdentityCredentials.WriteAsync(
            TemporaryDirectory, Environment, Secrets, CommittedDeployer.Load(RepositoryRoot, stage.ToName()), cancellationToken, GoogleEndpoints, Pipeline);
        try
        {
            return await operation();
        }
        finally
        {
            if (workloadIdentityCredentials is not null)
            {
                WorkloadIdentityCredentials.Delete(TemporaryDirectory);
            }
        }
    }

    internal Task WithCloudIdentityAsync(Stage stage, Func<Task> operation, CancellationToken cancellationToken) => WithCloudIdentityAsync(stage, async () =>
    {
        await operation();
        return true;
    }, cancellationToken);

    /// <summary>The environment as the cloud tools see it: GOOGLE_APPLICATION_CREDENTIALS is the generated file in a job.</summary>
    internal string? CloudVariable(string name) =>
        name == GoogleCredentialFile.Variable && workloadIdentityCredentials is not null ? workloadIdentityCredentials : Environment(name);

    internal IArgoCdInstaller Installer =>
        ArgoCdInstaller ?? HelmArgoCdInstaller.ForBuild(Tools, Log, Path.Combine(RepositoryRoot, ".nuke", "tools"), CiJobMarkers.Present(Environment));

    /// <summary>A client for the cluster of a kubeconfig (checked first), each request bounded by the shorter of <paramref name="wait"/> and <see cref="ClusterRequestTimeout"/>.</summary>
    internal k8s.IKubernetes Cluster(string kubeconfig, TimeSpan? wait = null) =>
        Clusters.Client(kubeconfig, requestTimeout: (wait, ClusterRequestTimeout) switch
        {
            ({ } a, { } b) => a < b ? a : b,
            var (a, b) => a ?? b,
        });

    internal string AppOfAppsFile(Stage stage) => EnvironmentLayout.Resolve(RepositoryRoot, EnvironmentLayout.AppOfAppsFile(stage));

    internal string RootFile(Stage stage) => EnvironmentLayout.Resolve(RepositoryRoot, EnvironmentLayout.RootFile(stage));

    /// <summary>The cloud of an environment the catalog declares; anything else is refused before a tool runs.</summary>
    internal ICloudProvider EnvironmentCloud(EnvironmentId environment)
    {
        if (!Catalog.Contains(environment))
        {
            var clouds = string.Join(", ", Catalog.Definition(environment.Stage).Clouds.Select(EnvironmentNames.ToName));
            throw new UsageException($"{EnvironmentLayout.StagesFile} declares no environment {environment}; clouds of stage {environment.Stage.ToName()}: {clouds}");
        }

        return Clouds(environment.Cloud.ToName());
    }

    /// <summary>The cloud of the stage's management cluster; a <paramref name="requested"/> one must match the catalog.</summary>
    internal ICloudProvider ManagementCloud(Stage stage, Cloud? requested = null)
    {
        var declared = Catalog.ManagementCloud(stage);
        if (requested is { } cloud && cloud != declared)
        {
            throw new UsageException($"--mgmt-cloud {cloud.ToName()}: {EnvironmentLayout.StagesFile} runs the management cluster of stage {stage.ToName()} on {declared.ToName()}");
        }

        return Clouds(declared.ToName());
    }
}
