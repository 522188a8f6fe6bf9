using System.Net;
using GitOps.Platform.ArgoCd;
using GitOps.Platform.Terraform;
using k8s;
using k8s.Autorest;

namespace GitOps.Platform.Lifecycle.Internal;

/// <summary>
/// A destroy whose Terraform state is empty while Argo CD still deploys the environment would remove the workloads
/// and leave the cluster: the state is most likely the wrong one (another bucket or prefix). Refused before deleting.
/// </summary>
internal static class EmptyStateGuard
{
    public static async Task RequireNothingDeployedAsync(IKubernetes kubernetes, DestroyPlan plan, string parent, CancellationToken cancellationToken)
    {
        if (plan.HoldsResources)
        {
            return;
        }

        try
        {
            await kubernetes.CustomObjects.GetNamespacedCustomObjectAsync(
                ArgoCdNames.Group, ArgoCdNames.Version, ArgoCdNames.DefaultNamespace, ArgoCdNames.Applications, parent, cancellationToken);
        }
        catch (HttpOperationException error) when (error.Response?.StatusCode == HttpStatusCode.NotFound)
        {
            return;
        }

        throw new ClusterNotProvisionedException(
            $"{plan.Workspace.Cluster}: the Terraform state at {plan.Workspace.StateLocation} holds no cluster, but Argo CD still deploys "
            + $"'{parent}'; nothing was deleted. Check --tf-state-bucket (or TF_STATE_BUCKET) names the bucket the cluster was provisioned with.");
    }
}
