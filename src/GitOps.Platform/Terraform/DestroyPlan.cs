namespace GitOps.Platform.Terraform;

/// <summary>
/// A saved <c>terraform plan -destroy</c> of one cluster, made before anything is deleted: making it proves that
/// init, the state backend and the cloud credentials work, and it tells whether the state still holds the cluster.
/// </summary>
public sealed class DestroyPlan
{
    internal DestroyPlan(TerraformWorkspace workspace, TerraformDriver terraform, bool holdsResources)
    {
        Workspace = workspace;
        Terraform = terraform;
        HoldsResources = holdsResources;
    }

    public TerraformWorkspace Workspace { get; }

    /// <summary>False when the state is empty: the cluster is already destroyed, or the state is not the cluster's.</summary>
    public bool HoldsResources { get; }

    internal TerraformDriver Terraform { get; }
}
