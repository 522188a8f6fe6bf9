using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using GitOps.Targets.Output;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace GitOps.Platform.ArgoCd;

/// <summary>
/// Registers environment clusters with a stage's Argo CD declaratively: one Secret labelled
/// <c>argocd.argoproj.io/secret-type: cluster</c> per cluster, applied with server-side apply (rerunning changes
/// nothing). Its content is never logged; credentials are registered with the masker before any request.
/// </summary>
public sealed class ClusterRegistration(IKubernetes kubernetes, ILog log, ISecretRegistry? secrets = null, string @namespace = ArgoCdNames.DefaultNamespace)
{
    public static string SecretNameFor(string clusterName) => $"cluster-{clusterName}";

    public async Task RegisterAsync(EnvironmentCluster cluster, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        foreach (var secret in cluster.Auth.Secrets)
        {
            secrets?.Register(secret);
        }

        var config = new JsonObject { ["tlsClientConfig"] = new JsonObject { ["insecure"] = false, ["caData"] = cluster.CaData } };
        cluster.Auth.WriteTo(config);
        var body = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Secret",
            ["metadata"] = new JsonObject
            {
                ["name"] = cluster.SecretName,
                ["namespace"] = @namespace,
                ["labels"] = new JsonObject { [ArgoCdNames.SecretTypeLabel] = "cluster", [ArgoCdNames.StageLabel] = cluster.Stage },
            },
            ["type"] = "Opaque",
            ["stringData"] = new JsonObject { ["name"] = cluster.Name, ["server"] = cluster.Server, ["config"] = config.ToJsonString() },
        };

        try
        {
            await kubernetes.CoreV1.PatchNamespacedSecretAsync(new V1Patch(body.ToJsonString(), V1Patch.PatchType.ApplyPatch),
                cluster.SecretName, @namespace, fieldManager: ArgoCdNames.FieldManager, force: true, cancellationToken: cancellationToken);
        }
        catch (HttpOperationException error)
        {
            // Deliberately without the inner exception: its request holds the Secret's content.
            throw new ArgoCdException($"Registering cluster '{cluster.Name}' with Argo CD in namespace '{@namespace}' failed: HTTP {(int?)error.Response?.StatusCode} {error.Response?.ReasonPhrase}");
        }

        log.Info($"Registered cluster '{cluster.Name}' ({cluster.Server}) with Argo CD as Secret {@namespace}/{cluster.SecretName}.");
    }

    /// <summary>Deletes the cluster Secret; false when it was already gone.</summary>
    public async Task<bool> RemoveAsync(string clusterName, CancellationToken cancellationToken = default)
    {
        var secretName = SecretNameFor(clusterName);
        try
        {
            await kubernetes.CoreV1.DeleteNamespacedSecretAsync(secretName, @namespace, cancellationToken: cancellationToken);
        }
        catch (HttpOperationException error) when (error.Response?.StatusCode == HttpStatusCode.NotFound)
        {
            log.Info($"Cluster Secret {@namespace}/{secretName} was already gone.");
            return false;
        }

        log.Info($"Removed cluster '{clusterName}' from Argo CD (Secret {@namespace}/{secretName}).");
        return true;
    }

    /// <summary>The environment clusters of a stage registered with this Argo CD.</summary>
    public async Task<IReadOnlyList<RegisteredCluster>> RegisteredClustersAsync(string stage, CancellationToken cancellationToken = default)
    {
        var list = await kubernetes.CoreV1.ListNamespacedSecretAsync(@namespace,
            labelSelector: $"{ArgoCdNames.SecretTypeLabel}=cluster,{ArgoCdNames.StageLabel}={stage}", cancellationToken: cancellationToken);
        return [.. list.Items.Select(secret => new RegisteredCluster(secret.Metadata.Name, Field(secret, "name"), Field(secret, "server")))];
    }

    /// <summary>The management-cluster destroy guard: throws while any environment cluster of the stage is registered.</summary>
    public async Task EnsureNoneRegisteredAsync(string stage, CancellationToken cancellationToken = default)
    {
        var clusters = await RegisteredClustersAsync(stage, cancellationToken);
        if (clusters.Count > 0)
        {
            throw new ManagementClusterInUseException(stage, clusters);
        }
    }

    private static string Field(V1Secret secret, string key) =>
        secret.Data is not null && secret.Data.TryGetValue(key, out var value) ? Encoding.UTF8.GetString(value) : string.Empty;
}
