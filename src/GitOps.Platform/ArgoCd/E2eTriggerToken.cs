using System.Text.Json.Nodes;
using GitOps.Platform.ArgoCd.Internal;
using GitOps.Platform.Environments;
using GitOps.Targets.Output;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace GitOps.Platform.ArgoCd;

/// <summary>
/// The GitLab pipeline trigger token the app-of-apps' PostSync hook Job reads (charts/app-of-apps, values
/// <c>e2eTrigger.tokenSecret</c>): a Secret in the hook's own namespace (<see cref="HookNamespace"/>), created with
/// that namespace from a CI/CD variable with server-side apply. Not in Argo CD's namespace: a Job there could name the
/// application controller's service account. Not a SealedSecret: no sealed-secrets controller runs on the management
/// cluster, and the token is already stored as a masked CI/CD variable. The value is registered with the masker first.
/// </summary>
public sealed class E2eTriggerToken(IKubernetes kubernetes, ILog log, ISecretRegistry secrets, string @namespace)
{
    /// <summary>The CI/CD variable (or .env entry) holding the trigger token.</summary>
    public const string Variable = "E2E_TRIGGER_TOKEN";

    /// <summary>Must equal the chart's <c>e2eTrigger.tokenSecret.name</c> and <c>.key</c>; Verify checks they do.</summary>
    public const string SecretName = "e2e-trigger-token";

    public const string Key = "token";

    /// <summary>Where the stage's hook Job and its token live; the chart's app-of-apps.e2eHookNamespace says the same.</summary>
    public static string HookNamespace(Stage stage) => $"eurodat-{stage.ToName()}-e2e-hook";

    public async Task ApplyAsync(string token, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        secrets.Register(token);
        var hookNamespace = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Namespace",
            ["metadata"] = new JsonObject { ["name"] = @namespace, ["labels"] = new JsonObject { ["app.kubernetes.io/part-of"] = "eurodat" } },
        };
        await ApiFailure.Explain($"Creating namespace {@namespace} for the e2e trigger", () => kubernetes.CoreV1.PatchNamespaceAsync(
            new V1Patch(hookNamespace.ToJsonString(), V1Patch.PatchType.ApplyPatch), @namespace, fieldManager: ArgoCdNames.FieldManager,
            force: true, cancellationToken: cancellationToken));
        var body = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Secret",
            ["metadata"] = new JsonObject { ["name"] = SecretName, ["namespace"] = @namespace },
            ["type"] = "Opaque",
            ["stringData"] = new JsonObject { [Key] = token },
        };

        try
        {
            await kubernetes.CoreV1.PatchNamespacedSecretAsync(new V1Patch(body.ToJsonString(), V1Patch.PatchType.ApplyPatch),
                SecretName, @namespace, fieldManager: ArgoCdNames.FieldManager, force: true, cancellationToken: cancellationToken);
        }
        catch (HttpOperationException error)
        {
            // Deliberately without the inner exception: its request holds the token.
            throw new ArgoCdException($"Creating Secret {@namespace}/{SecretName} for the e2e trigger failed: HTTP {(int?)error.Response?.StatusCode} {error.Response?.ReasonPhrase}");
        }

        log.Info($"The e2e trigger token is in Secret {@namespace}/{SecretName} (from {Variable}).");
    }

    /// <summary>
    /// Deletes the copy an earlier version kept in <paramref name="oldNamespace"/> (Argo CD's), where every Job the
    /// parents could create might read it. Absent is fine.
    /// </summary>
    public async Task RemoveFromAsync(string oldNamespace, CancellationToken cancellationToken = default)
    {
        try
        {
            // Looked up first, so a cluster that never had the old copy sees no delete at all.
            await kubernetes.CoreV1.ReadNamespacedSecretAsync(SecretName, oldNamespace, cancellationToken: cancellationToken);
            await kubernetes.CoreV1.DeleteNamespacedSecretAsync(SecretName, oldNamespace, cancellationToken: cancellationToken);
            log.Info($"Removed the old e2e trigger token Secret {oldNamespace}/{SecretName}; it now lives in {@namespace}.");
        }
        catch (HttpOperationException error) when (error.Response?.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            // Never there, or already removed.
        }
        catch (HttpOperationException error)
        {
            throw new ArgoCdException($"Deleting the old Secret {oldNamespace}/{SecretName} failed: HTTP {(int?)error.Response?.StatusCode} {error.Response?.ReasonPhrase}");
        }
    }
}
