namespace GitOps.Platform.ArgoCd;

/// <summary>
/// The admission policy that keeps Argo CD's application controller from creating or changing workloads in Argo CD's
/// own namespace (environments/argocd/argocd-values.yaml, extraObjects, installed with the chart). An AppProject cannot
/// tie a kind to one destination, so the parents' project, which allows batch/Job for the e2e hook's namespace, would
/// allow it in argocd too; a Job there could run as the controller's service account. Verify (GO024) checks the policy.
/// </summary>
public static class ArgoCdWorkloadGuard
{
    public const string PolicyName = "argocd-controller-runs-no-workloads-in-argocd";

    /// <summary>Every kind that runs a pod, as group/resource ("" is the core group).</summary>
    public static IReadOnlyList<string> Workloads { get; } =
    [
        "/pods", "/replicationcontrollers", "apps/deployments", "apps/replicasets", "apps/statefulsets", "apps/daemonsets", "batch/jobs", "batch/cronjobs",
    ];
}
