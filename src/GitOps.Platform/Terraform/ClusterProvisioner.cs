using GitOps.Platform.Kubeconfig;
using GitOps.Platform.Terraform.Internal;
using GitOps.Targets.Output;
using GitOps.Targets.Tooling;

namespace GitOps.Platform.Terraform;

/// <summary>
/// Creates, refreshes and destroys one cluster with Terraform and keeps its kubeconfig in the
/// <see cref="KubeconfigStore"/>. Every method can be rerun: init is idempotent and each apply uses a fresh plan.
/// </summary>
public sealed class ClusterProvisioner(
    IToolRunner runner,
    ISecretRegistry secrets,
    ILog log,
    KubeconfigStore kubeconfigs,
    TerraformSettings settings)
{
    // Outputs every cluster root module declares (environments/terraform/<cloud>/*-cluster/outputs.tf).
    public const string ClusterNameOutput = "cluster_name";
    public const string EndpointOutput = "cluster_endpoint";
    public const string CaCertificateOutput = "cluster_ca_certificate";
    public const string KubeconfigOutput = "kubeconfig";

    private static readonly string[] RequiredOutputs = [ClusterNameOutput, EndpointOutput, CaCertificateOutput, KubeconfigOutput];

    /// <summary>Brings the cluster to the state its module describes, then writes its kubeconfig.</summary>
    public async Task<ProvisionedCluster> ProvisionAsync(TerraformWorkspace workspace, CancellationToken cancellationToken)
    {
        var terraform = await InitAsync(workspace, cancellationToken);
        if (await terraform.PlanAsync(workspace.VarFiles, workspace.Variables, workspace.PlanFile, destroy: false, cancellationToken))
        {
            log.Info($"{workspace.Cluster}: applying the plan");
            await terraform.ApplyAsync(workspace.PlanFile, cancellationToken);
        }
        else
        {
            log.Info($"{workspace.Cluster}: infrastructure matches the configuration; nothing to apply");
            File.Delete(workspace.PlanFile);
        }

        return await CollectAsync(workspace, terraform, cancellationToken);
    }

    /// <summary>Writes the kubeconfig of an already provisioned cluster from its state, changing nothing in the cloud.</summary>
    public async Task<ProvisionedCluster> RefreshKubeconfigAsync(TerraformWorkspace workspace, CancellationToken cancellationToken)
    {
        var terraform = await InitAsync(workspace, cancellationToken);
        return await CollectAsync(workspace, terraform, cancellationToken);
    }

    /// <summary>Destroys the cluster and forgets its kubeconfig. Callers remove what Argo CD deployed there first.</summary>
    public async Task DestroyAsync(TerraformWorkspace workspace, CancellationToken cancellationToken)
    {
        var terraform = await InitAsync(workspace, cancellationToken);
        log.Info($"{workspace.Cluster}: destroying");
        await terraform.DestroyAsync(workspace.VarFiles, workspace.Variables, cancellationToken);
        kubeconfigs.Delete(workspace.Cluster);
        File.Delete(workspace.PlanFile);
        log.Success($"{workspace.Cluster}: destroyed");
    }

    /// <summary>
    /// Runs init and a destroy plan, changing nothing: the check before anything of the cluster is deleted. Bad
    /// credentials, an unreachable state bucket or a held lock fail here, while the cluster's workloads still run.
    /// </summary>
    public async Task<DestroyPlan> PlanDestroyAsync(TerraformWorkspace workspace, CancellationToken cancellationToken)
    {
        var terraform = await InitAsync(workspace, cancellationToken);
        log.Info($"{workspace.Cluster}: planning the destroy (checks state and credentials before anything is deleted)");
        var holdsResources = await terraform.PlanAsync(workspace.VarFiles, workspace.Variables, workspace.PlanFile, destroy: true, cancellationToken);
        return new DestroyPlan(workspace, terraform, holdsResources);
    }

    /// <summary>Applies a plan of <see cref="PlanDestroyAsync"/> and forgets the kubeconfig.</summary>
    public async Task DestroyAsync(DestroyPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var workspace = plan.Workspace;
        if (plan.HoldsResources)
        {
            log.Info($"{workspace.Cluster}: destroying");
            await plan.Terraform.ApplyAsync(workspace.PlanFile, cancellationToken);
        }
        else
        {
            log.Info($"{workspace.Cluster}: the Terraform state at {workspace.StateLocation} holds nothing; nothing to destroy");
        }

        kubeconfigs.Delete(workspace.Cluster);
        File.Delete(workspace.PlanFile);
        log.Success($"{workspace.Cluster}: destroyed");
    }

    private async Task<TerraformDriver> InitAsync(TerraformWorkspace workspace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        log.Info($"{workspace.Cluster}: terraform init (state {workspace.StateLocation})");
        // .nuke/temp/terraform itself too: the names of the clusters' directories are no one else's business either.
        PrivateDirectory.Ensure(Path.GetDirectoryName(workspace.DataDirectory)!);
        var terraform = workspace.CreateDriver(runner, secrets, log, settings);

        // -reconfigure: the backend config is derived from (stage, cloud) every time and the state is remote, so there
        // is nothing to migrate, and a data directory left from another bucket must not stop the run.
        await terraform.InitAsync(workspace.BackendConfig, reconfigure: true, cancellationToken);
        return terraform;
    }

    private async Task<ProvisionedCluster> CollectAsync(
        TerraformWorkspace workspace, TerraformDriver terraform, CancellationToken cancellationToken)
    {
        var outputs = await terraform.OutputsAsync(cancellationToken);
        var missing = RequiredOutputs.Where(name => !outputs.All.ContainsKey(name)).ToArray();
        if (missing.Length > 0)
        {
            throw new ClusterNotProvisionedException(
                $"{workspace.Cluster}: the Terraform state at {workspace.StateLocation} lacks the outputs {string.Join(", ", missing)}; "
                + "provision the cluster first");
        }

        var path = await kubeconfigs.WriteAsync(workspace.Cluster, outputs.GetString(KubeconfigOutput), cancellationToken);
        var cluster = new ProvisionedCluster(
            workspace.Cluster,
            outputs.GetString(ClusterNameOutput),
            outputs.GetString(EndpointOutput),
            outputs.GetString(CaCertificateOutput),
            path,
            outputs);
        log.Success($"{workspace.Cluster}: cluster {cluster.Name} at {cluster.Server}; kubeconfig written to {path}");
        return cluster;
    }
}
