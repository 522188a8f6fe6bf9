using System.Text.Json.Nodes;
using GitOps.Targets.Output;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace GitOps.Platform.ArgoCd;

/// <summary>
/// What argocd-server may do inside one environment cluster: read, for the UI's live views (pod logs, live manifests,
/// events). argocd-server faces the internet, so its Google identity (argocd-server-&lt;stage&gt;) gets a ClusterRole of
/// our own with get/list/watch only, and no secrets: whoever takes over the server can read workloads but change
/// nothing and read no credentials. Core resources are listed one by one because a wildcard there would include secrets.
/// Applied server-side: rerunning changes nothing.
/// </summary>
public sealed class ArgoCdServerClusterAccess(IKubernetes kubernetes, ILog log)
{
    public const string RoleName = "gitops-argocd-server-read-only";

    public static readonly string[] ReadVerbs = ["get", "list", "watch"];

    /// <summary>The core ("") resources it may read: what the UI shows of workloads, never secrets.</summary>
    public static readonly string[] CoreResources =
    [
        "pods", "pods/log", "services", "endpoints", "configmaps", "events", "namespaces", "nodes", "persistentvolumeclaims",
        "persistentvolumes", "replicationcontrollers", "serviceaccounts", "limitranges", "resourcequotas",
    ];

    /// <summary>API groups read whole: none of them holds secrets.</summary>
    public static readonly string[] ReadableGroups =
        ["apps", "batch", "autoscaling", "policy", "networking.k8s.io", "discovery.k8s.io", "events.k8s.io", "apiextensions.k8s.io"];

    public static JsonObject Role() => new()
    {
        ["apiVersion"] = "rbac.authorization.k8s.io/v1",
        ["kind"] = "ClusterRole",
        ["metadata"] = Metadata(),
        ["rules"] = new JsonArray(
            Rule([string.Empty], CoreResources),
            Rule(ReadableGroups, ["*"])),
    };

    public static JsonObject Binding(string googleServiceAccount) => new()
    {
        ["apiVersion"] = "rbac.authorization.k8s.io/v1",
        ["kind"] = "ClusterRoleBinding",
        ["metadata"] = Metadata(),
        ["roleRef"] = new JsonObject { ["apiGroup"] = "rbac.authorization.k8s.io", ["kind"] = "ClusterRole", ["name"] = RoleName },
        ["subjects"] = new JsonArray(new JsonObject { ["apiGroup"] = "rbac.authorization.k8s.io", ["kind"] = "User", ["name"] = googleServiceAccount }),
    };

    public async Task GrantAsync(string clusterName, string googleServiceAccount, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(googleServiceAccount);
        try
        {
            await kubernetes.RbacAuthorizationV1.PatchClusterRoleAsync(new V1Patch(Role().ToJsonString(), V1Patch.PatchType.ApplyPatch),
                RoleName, fieldManager: ArgoCdNames.FieldManager, force: true, cancellationToken: cancellationToken);
            await kubernetes.RbacAuthorizationV1.PatchClusterRoleBindingAsync(new V1Patch(Binding(googleServiceAccount).ToJsonString(), V1Patch.PatchType.ApplyPatch),
                RoleName, fieldManager: ArgoCdNames.FieldManager, force: true, cancellationToken: cancellationToken);
        }
        catch (HttpOperationException error)
        {
            throw new ArgoCdException($"Granting argocd-server ({googleServiceAccount}) read access to cluster '{clusterName}' (ClusterRole {RoleName}) failed: HTTP {(int?)error.Response?.StatusCode} {error.Response?.ReasonPhrase}");
        }

        log.Info($"argocd-server ({googleServiceAccount}) may read cluster '{clusterName}', secrets excepted (ClusterRole {RoleName}).");
    }

    private static JsonObject Metadata() => new()
    {
        ["name"] = RoleName,
        ["labels"] = new JsonObject { ["app.kubernetes.io/managed-by"] = ArgoCdNames.FieldManager },
    };

    private static JsonObject Rule(string[] groups, string[] resources) => new()
    {
        ["apiGroups"] = new JsonArray([.. groups.Select(group => (JsonNode)group)]),
        ["resources"] = new JsonArray([.. resources.Select(resource => (JsonNode)resource)]),
        ["verbs"] = new JsonArray([.. ReadVerbs.Select(verb => (JsonNode)verb)]),
    };
}
