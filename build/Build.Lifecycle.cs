using GitOps.Platform.Environments;
using GitOps.Platform.Kubeconfig;
using GitOps.Platform.Kubernetes;
using GitOps.Platform.ChangeRequests;
using GitOps.Platform.Clouds;
using GitOps.Platform.GitLab;
using GitOps.Platform.Lifecycle;
using GitOps.Platform.Secrets;
using GitOps.Platform.Terraform;

namespace GitOps.Build;

/// <summary>Provision, deploy and destroy: what control-mgmt-cluster.sh and control-cluster.sh did (seed 000).</summary>
internal sealed partial class Build
{
    [Parameter("How long DeployAppOfApps and Destroy wait for Argo CD, and the longest any request to a cluster, terraform init or a state read may take (90 = seconds, 90s, 15m, 1h).")]
    private readonly TimeSpan Timeout = TimeSpan.FromMinutes(20);

    [Parameter("Kubeconfig of the management cluster; default: the one Provision wrote under .nuke/temp/<stage>-mgmt/.", NotFromPipelineVariables = true)]
    private readonly string? MgmtKubeconfig;

    [Parameter("Confirms destroying a prod cluster: must be <stage>-<cloud> (e.g. prod-gcp), or <stage>-mgmt for the management cluster.", CommandLineOnly = true)]
    private readonly string? ConfirmDestroy;

    [Parameter("GCS bucket holding the Terraform state of every cluster (prefix gitops/<stage>/<cloud|mgmt>).")]
    private readonly string? TfStateBucket;

    private Target ProvisionManagementCluster => _ => _
        .Description("Provisions the stage's management cluster with Terraform, installs Argo CD on it and stores E2E_TRIGGER_TOKEN for the e2e hook.")
        .DependsOn(PrepareSensitiveInformation)
        .Requires(() => CommitIsNewestWhenRequired(nameof(ProvisionManagementCluster)))
        .Requires(() => Stage)
        .Requires(() => MgmtCloud)
        .Requires(() => ManagementLockIsCommittedWhenRequired)
        .Requires(() => ManagementProvisionInputsAreUsable)
        .Requires(Terraform)
        .Requires(Helm)
        .Executes(cancellationToken => new ManagementClusterLifecycle(Lifecycle).ProvisionAsync(Stage!.Value, MgmtCloud!.Value, cancellationToken));

    private Target Provision => _ => _
        .Description("Provisions the environment's cluster with Terraform, registers it with the stage's Argo CD, then deploys.")
        .DependsOn(PrepareSensitiveInformation)
        .Requires(() => CommitIsNewestWhenRequired(nameof(Provision)))
        .After(ProvisionManagementCluster)
        .Triggers(DeployAppOfApps)
        .Requires(() => Stage)
        .Requires(() => Cloud)
        .Requires(() => EnvironmentIsDeclared)
        .Requires(() => MgmtKubeconfigIsUsable)
        .Requires(() => EnvironmentLocksAreCommittedWhenRequired)
        .Requires(() => ProvisionInputsAreUsable)
        .Requires(Terraform)
        .Executes(cancellationToken => new EnvironmentLifecycle(Lifecycle).ProvisionAsync(TargetEnvironment, TerraformOnly, cancellationToken));

    private Target DeployAppOfApps => _ => _
        .Description("Applies app-of-apps-<stage>.yaml to the management cluster and waits until every application is Synced and Healthy.")
        .DependsOn(PrepareSensitiveInformation)
        .Requires(() => CommitIsNewestWhenRequired(nameof(DeployAppOfApps)))
        .After(Provision)
        .OnlyWhenStatic(() => !TerraformOnly, "--terraform-only is set: only the Terraform targets run")
        .Requires(() => Stage)
        .Requires(() => Cloud)
        .Requires(() => EnvironmentIsDeclared)
        .Requires(() => ValuesFilesAreUsable)
        .Requires(() => MgmtKubeconfigIsUsable)
        .Requires(() => ManagementStateLockIsCommittedWhenRequired)
        .Requires(() => DeployInputsAreUsable)
        .Requires(Terraform)
        .Executes(cancellationToken => new EnvironmentLifecycle(Lifecycle).DeployAppOfAppsAsync(TargetEnvironment, Timeout, cancellationToken));

    private Target Destroy => _ => _
        .Description("Deletes the environment's Argo CD applications, waits until they are gone, then destroys its cluster.")
        .DependsOn(PrepareSensitiveInformation)
        .Requires(() => CommitIsNewestWhenRequired(nameof(Destroy)))
        .Requires(() => Stage)
        .Requires(() => Cloud)
        .Requires(() => EnvironmentIsDeclared)
        .Requires(() => MgmtKubeconfigIsUsable)
        // Checked before anything runs too, so a refused prod destroy touches nothing at all.
        .Requires(() => EnvironmentDestroyApproved)
        .Requires(() => EnvironmentLocksAreCommittedWhenRequired)
        .Requires(() => DestroyInputsAreUsable)
        .Requires(Terraform)
        .Executes(cancellationToken => new EnvironmentLifecycle(Lifecycle).DestroyAsync(TargetEnvironment, Timeout, DestroyApproval, cancellationToken));

    private Target DestroyManagementCluster => _ => _
        .Description("Destroys the stage's management cluster; refused while environment clusters are registered with its Argo CD.")
        .DependsOn(PrepareSensitiveInformation)
        .Requires(() => CommitIsNewestWhenRequired(nameof(DestroyManagementCluster)))
        .After(Destroy)
        .Requires(() => Stage)
        .Requires(() => MgmtCloud)
        .Requires(() => MgmtKubeconfigIsUsable)
        .Requires(() => ManagementDestroyApproved)
        .Requires(() => ManagementLockIsCommittedWhenRequired)
        .Requires(() => ManagementDestroyInputsAreUsable)
        .Requires(Terraform)
        .Executes(cancellationToken => new ManagementClusterLifecycle(Lifecycle).DestroyAsync(Stage!.Value, MgmtCloud!.Value, DestroyApproval, cancellationToken));

    // PrepareSensitiveInformation puts the loaded values into the process environment, after Host's snapshot.
    private LifecycleContext Lifecycle => LifecycleWith(name => Host.Variable(name) ?? Environment.GetEnvironmentVariable(name));

    /// <summary>
    /// The cluster targets' inputs, checked with the requirements (before PrepareSensitiveInformation asks GitLab), with
    /// the values known by then: the process's, then .env's, as PrepareSensitiveInformation ranks them over GitLab's.
    /// </summary>
    private ClusterPreflight Preflight
    {
        get
        {
            var dotEnv = DotEnvFile.Read(Path.Combine(RootDirectory, DotEnvFile.Name), DotEnvFile.Name);
            return new(LifecycleWith(name => Host.Variable(name) is { Length: > 0 } set ? set : dotEnv.GetValueOrDefault(name)));
        }
    }

    private LifecycleContext LifecycleWith(Func<string, string?> environment) => new()
    {
        RepositoryRoot = RootDirectory,
        TemporaryDirectory = TemporaryDirectory,
        Tools = Tools,
        Secrets = Secrets,
        Log = Log,
        Environment = environment,
        StateBucket = TfStateBucket,
        MgmtKubeconfig = MgmtKubeconfig,
        ClusterRequestTimeout = Timeout,
        Terraform = new() { RequireLockFile = IsPipeline, RequestTimeout = Timeout },
        Pipeline = IsPipeline,
        GitLab = GitLabForLifecycle(),
    };

    /// <summary>The project's API with GITLAB_TOKEN (Maintainer, to change its CI/CD settings); null when GitLab is not configured.</summary>
    private Func<GitLabClient>? GitLabForLifecycle()
    {
        var settings = ChangeRequestHostSettings.FromEnvironment(
            System.Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>().ToDictionary(entry => (string)entry.Key, entry => (string?)entry.Value, StringComparer.Ordinal),
            GitLabUrl, GitLabProject);
        return settings.GitLab is { } connection ? () => new GitLabClient(connection, Secrets, Log, GitLabClientOptions.Default.Within(Timeout)) : null;
    }

    /// <summary>A mistyped --mgmt-kubeconfig is refused before anything runs, not after Terraform created a cluster.</summary>
    private bool MgmtKubeconfigIsUsable
    {
        get
        {
            if (MgmtKubeconfig is { Length: > 0 } path)
            {
                try
                {
                    KubeconfigFile.Validate(Path.GetFullPath(path, Host.WorkingDirectory));
                }
                catch (KubeconfigException problem)
                {
                    throw new UsageException($"--mgmt-kubeconfig: {problem.Message}", problem);
                }
            }

            return true;
        }
    }

    /// <summary>
    /// In a pipeline the roots a target inits must commit their locks, checked with the requirements so that a missing
    /// one is one line with the command that creates it (exit 2) before anything runs. The environment targets init the
    /// management root too, to read its kubeconfig from the state, unless --mgmt-kubeconfig names one.
    /// </summary>
    private bool LocksAreCommittedWhenRequired(bool environmentRoot, bool managementRoot)
    {
        if (environmentRoot && Cloud is { } cloud)
        {
            TerraformLockFile.RequireCommitted(Path.Combine(RootDirectory, CloudProviders.Get(cloud.ToName()).EnvironmentModuleDirectory), required: IsPipeline);
        }

        if (managementRoot && Stage is { } stage)
        {
            var management = CloudProviders.Get(Catalog.ManagementCloud(stage).ToName());
            TerraformLockFile.RequireCommitted(Path.Combine(RootDirectory, management.ManagementModuleDirectory), required: IsPipeline);
        }

        return true;
    }

    private bool EnvironmentLocksAreCommittedWhenRequired => LocksAreCommittedWhenRequired(environmentRoot: true, managementRoot: string.IsNullOrEmpty(MgmtKubeconfig));

    private bool ManagementStateLockIsCommittedWhenRequired => LocksAreCommittedWhenRequired(environmentRoot: false, managementRoot: string.IsNullOrEmpty(MgmtKubeconfig));

    private bool ManagementLockIsCommittedWhenRequired => LocksAreCommittedWhenRequired(environmentRoot: false, managementRoot: true);

    private EnvironmentId TargetEnvironment => new(Stage!.Value, Cloud!.Value);

    private bool ProvisionInputsAreUsable => Planned is not { } environment || Preflight.Provision(environment, TerraformOnly);

    private bool DeployInputsAreUsable => Planned is not { } environment || Preflight.DeployAppOfApps(environment);

    private bool DestroyInputsAreUsable => Planned is not { } environment || Preflight.Destroy(environment);

    private bool ManagementProvisionInputsAreUsable => Stage is not { } stage || MgmtCloud is not { } cloud || Preflight.ProvisionManagement(stage, cloud);

    private bool ManagementDestroyInputsAreUsable => Stage is not { } stage || MgmtCloud is not { } cloud || Preflight.DestroyManagement(stage, cloud);

    /// <summary>The environment when both flags are given and the catalog declares it; otherwise other requirements say what is missing.</summary>
    private EnvironmentId? Planned => Stage is { } stage && Cloud is { } cloud && Catalog.Contains(new EnvironmentId(stage, cloud)) ? new EnvironmentId(stage, cloud) : null;

    private bool EnvironmentDestroyApproved => DestroyApproved(Cloud is { } cloud ? cloud.ToName() : null);

    private bool ManagementDestroyApproved => DestroyApproved("mgmt");

    /// <summary>True unless the stage is protected and the confirmation is missing, which throws a usage error naming it.</summary>
    private bool DestroyApproved(string? slot)
    {
        if (Stage is { } stage && slot is not null)
        {
            DestroyApproval.Require(stage, $"{stage.ToName()}-{slot}");
        }

        return true;
    }

    /// <summary>
    /// GitLab sets CI_JOB_MANUAL=true for any when: manual or when: delayed job, and a project variable outranks it: not
    /// proof a person started the job. The gates are prod Destroy's when: manual rule and prod's protected environment.
    /// </summary>
    private DestroyApproval DestroyApproval => new(ConfirmDestroy, IsPipeline, Host.Variable("CI_JOB_MANUAL") == "true");
}
