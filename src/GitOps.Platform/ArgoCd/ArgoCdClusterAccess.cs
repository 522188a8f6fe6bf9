using System.Text.Json.Nodes;
using GitOps.Targets.Output;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace GitOps.Platform.ArgoCd;

/// <summary>
/// What the stage's Argo CD may do inside one environment cluster. Its Google identity holds only
/// roles/container.clusterViewer, which lets GKE authenticate it and grants nothing in the Kubernetes API; this
/// ClusterRoleBinding (user = the Google service account's email, as GKE names IAM identities) grants the rest, in
/// environment clusters only, so the management cluster and other stages stay out of its reach. cluster-admin because
/// the charts it syncs create CRDs, namespaces and RBAC of their own. Applied server-side: rerunning changes nothing.
/// </summary>
public sealed class ArgoCdClusterAccess(IKubernetes kubernetes, ILog log)
{
    public const string BindingName = "gitops-argocd-cluster-admin";

    public async Task GrantAsync(string clusterName, string googleServiceAccount, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(googleServiceAccount);
        var body = new JsonObject
        {
            ["apiVersion"] = "rbac.authorization.k8s.io/v1",
            ["kind"] = "ClusterRoleBinding",
            ["metadata"] = new JsonObject { ["name"] = BindingName, ["labels"] = new JsonObject { ["app.kubernetes.io/managed-by"] = ArgoCdNames.FieldManager } },
            ["roleRef"] = new JsonObject { ["apiGroup"] = "rbac.authorization.k8s.io", ["kind"] = "ClusterRole", ["name"] = "cluster-admin" },
            ["subjects"] = new JsonArray(new JsonObject { ["apiGroup"] = "rbac.authorization.k8s.io", ["kind"] = "User", ["name"] = googleServiceAccount }),
        };
        try
        {
            await kubernetes.RbacAuthorizationV1.PatchClusterRoleBindingAsync(new V1Patch(body.ToJsonString(), V1Patch.PatchType.ApplyPatch),
                BindingName, fieldManager: ArgoCdNames.FieldManager, force: true, cancellationToken: cancellationToken);
        }
        catch (HttpOperationException error)
        {
            throw new ArgoCdException($"Granting Argo CD ({googleServiceAccount}) access to cluster '{clusterName}' (ClusterRoleBinding {BindingName}) failed: HTTP {(int?)error.Response?.StatusCode} {error.Response?.ReasonPhrase}");
        }

        log.Info($"Argo CD ({googleServiceAccount}) may deploy to cluster '{clusterName}' (ClusterRoleBinding {BindingName}).");
    }
}
