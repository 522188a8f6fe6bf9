using System.Text.Json.Nodes;
using GitOps.Platform.ArgoCd.Internal;
using GitOps.Targets.Output;
using k8s;
using k8s.Models;

namespace GitOps.Platform.ArgoCd;

/// <summary>
/// The management cluster's Argo CD configuration that is not in the Helm chart: one AppProject per stage and the
/// Application health check in argocd-cm. Both by server-side apply, so rerunning changes nothing and we own only
/// the fields we set (the chart keeps owning the rest of argocd-cm).
/// </summary>
public sealed class ArgoCdConfiguration(IKubernetes kubernetes, ILog log, string @namespace = ArgoCdNames.DefaultNamespace)
{
    public async Task ApplyAsync(IEnumerable<ArgoProject> projects, string applicationHealthLua, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(projects);
        foreach (var project in projects)
        {
            await ApplyProjectAsync(project, cancellationToken);
        }

        await ApplyApplicationHealthCheckAsync(applicationHealthLua, cancellationToken);
    }

    public async Task ApplyProjectAsync(ArgoProject project, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(project);
        var body = new JsonObject
        {
            ["apiVersion"] = ArgoCdNames.ApiVersion,
            ["kind"] = "AppProject",
            ["metadata"] = new JsonObject { ["name"] = project.Name, ["namespace"] = @namespace },
            ["spec"] = new JsonObject
            {
                ["description"] = project.Description,
                ["sourceRepos"] = new JsonArray([.. project.SourceRepos.Select(repo => (JsonNode)repo)]),
                ["destinations"] = new JsonArray([.. project.Destinations.Select(Destination)]),
                // No cluster-scoped kind: a project that may create ClusterRoleBindings is admin-level.
                ["clusterResourceWhitelist"] = new JsonArray(),
            },
        };
        await ApiFailure.Explain($"Applying AppProject '{project.Name}'", () => kubernetes.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch(body.ToJsonString(), V1Patch.PatchType.ApplyPatch), ArgoCdNames.Group, ArgoCdNames.Version, @namespace,
            ArgoCdNames.AppProjects, project.Name, fieldManager: ArgoCdNames.FieldManager, force: true, cancellationToken: cancellationToken));
        log.Info($"Applied Argo CD project '{project.Name}'.");
    }

    /// <summary>Applies an AppProject as written in a manifest file (its namespace is this Argo CD's).</summary>
    public async Task ApplyProjectManifestAsync(JsonObject project, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(project);
        var body = project.DeepClone().AsObject();
        var name = body["metadata"]?["name"]?.ToString() ?? throw new ArgumentException("The AppProject has no metadata.name", nameof(project));
        body["metadata"]!["namespace"] = @namespace;
        await ApiFailure.Explain($"Applying AppProject '{name}'", () => kubernetes.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch(body.ToJsonString(), V1Patch.PatchType.ApplyPatch), ArgoCdNames.Group, ArgoCdNames.Version, @namespace,
            ArgoCdNames.AppProjects, name, fieldManager: ArgoCdNames.FieldManager, force: true, cancellationToken: cancellationToken));
        log.Info($"Applied Argo CD project '{name}'.");
    }

    /// <param name="lua">The health script, e.g. <see cref="ApplicationHealthCheck.DefaultLua"/> or a file's text.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task ApplyApplicationHealthCheckAsync(string lua, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(lua);
        var body = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["metadata"] = new JsonObject { ["name"] = "argocd-cm", ["namespace"] = @namespace },
            ["data"] = new JsonObject { [ApplicationHealthCheck.ConfigMapKey] = lua },
        };
        await ApiFailure.Explain("Applying the Application health check to argocd-cm", () => kubernetes.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch(body.ToJsonString(), V1Patch.PatchType.ApplyPatch), "argocd-cm", @namespace,
            fieldManager: ArgoCdNames.FieldManager, force: true, cancellationToken: cancellationToken));
        log.Info("Applied the argoproj.io/Application health check to argocd-cm.");
    }

    private static JsonNode Destination(ArgoProjectDestination destination)
    {
        var node = new JsonObject { ["namespace"] = destination.Namespace };
        if (destination.Server is not null)
        {
            node["server"] = destination.Server;
        }

        if (destination.Name is not null)
        {
            node["name"] = destination.Name;
        }

        return node;
    }

    /// <summary>The management-cluster destroy guard: throws while any Application exists in this Argo CD.</summary>
    public async Task EnsureNoApplicationsAsync(string stage, CancellationToken cancellationToken = default)
    {
        var list = JsonElementReading.AsJson(await kubernetes.CustomObjects.ListNamespacedCustomObjectAsync(
            ArgoCdNames.Group, ArgoCdNames.Version, @namespace, ArgoCdNames.Applications, cancellationToken: cancellationToken));
        var names = list.Child("items").Items().Select(item => item.Child("metadata").Text("name")).Order(StringComparer.Ordinal).ToList();
        if (names.Count > 0)
        {
            throw new ManagementClusterInUseException(
                $"Refusing to destroy the management cluster of stage '{stage}': Argo CD still has applications: {string.Join(", ", names)}. "
                + $"Destroying it would orphan what they deployed; remove them first (Destroy --stage {stage} --cloud <cloud> for an environment's app-of-apps).");
        }
    }
}
