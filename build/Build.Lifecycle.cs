namespace GitOps.Build;

/// <summary>Provision, deploy and destroy: what control-mgmt-cluster.sh and control-cluster.sh did (seed 000).</summary>
internal sealed partial class Build
{
    [Parameter("How long DeployAppOfApps and Destroy wait for Argo CD (e.g. 90s, 15m, 1h).")]
    private readonly TimeSpan Timeout = TimeSpan.FromMinutes(20);

    [Parameter("Kubeconfig of the management cluster; default: the one Provision wrote under .nuke/temp/<stage>-mgmt/.")]
    private readonly string? MgmtKubeconfig;

    [Parameter("Confirms destroying a prod environment: must be <stage>-<cloud>, e.g. prod-gcp.")]
    private readonly string? ConfirmDestroy;

    private Target ProvisionManagementCluster => _ => _
        .Description("Provisions the stage's management cluster with Terraform and installs Argo CD on it.")
        .DependsOn(PrepareSensitiveInformation)
        .Requires(() => Stage)
        .Requires(() => MgmtCloud)
        .Executes(() => throw new TargetNotImplementedException("the Terraform and Argo CD lifecycle lands with issue 5"));

    private Target Provision => _ => _
        .Description("Provisions the environment's cluster with Terraform, registers it with the stage's Argo CD, then deploys.")
        .DependsOn(PrepareSensitiveInformation)
        .After(ProvisionManagementCluster)
        .Triggers(DeployAppOfApps)
        .Requires(() => Stage)
        .Requires(() => Cloud)
        .Executes(() => throw new TargetNotImplementedException("the Terraform and Argo CD lifecycle lands with issue 5"));

    private Target DeployAppOfApps => _ => _
        .Description("Applies app-of-apps-<stage>.yaml to the management cluster and waits until every application is Synced and Healthy.")
        .DependsOn(PrepareSensitiveInformation)
        .After(Provision)
        .OnlyWhenStatic(() => !TerraformOnly)
        .Requires(() => Stage)
        .Requires(() => Cloud)
        .Executes(() => throw new TargetNotImplementedException("the Terraform and Argo CD lifecycle lands with issue 5"));

    private Target Destroy => _ => _
        .Description("Deletes the environment's Argo CD applications, waits until they are gone, then destroys its cluster.")
        .DependsOn(PrepareSensitiveInformation)
        .Requires(() => Stage)
        .Requires(() => Cloud)
        .Executes(() => throw new TargetNotImplementedException("the Terraform and Argo CD lifecycle lands with issue 5"));
}
