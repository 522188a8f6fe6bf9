using System.Text.Json.Nodes;
using GitOps.Targets.Output;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace GitOps.Platform.ArgoCd;

/// <summary>
/// The GitLab pipeline trigger token the app-of-apps' PostSync hook Job reads (charts/app-of-apps, values
/// <c>e2eTrigger.tokenSecret</c>): a Secret in the management cluster's Argo CD namespace, created from a CI/CD
/// variable with server-side apply. Not a SealedSecret: no sealed-secrets controller runs on the management cluster,
/// and the token is already stored as a masked CI/CD variable. The value is registered with the masker first.
/// </summary>
public sealed class E2eTriggerToken(IKubernetes kubernetes, ILog log, ISecretRegistry secrets, string @namespace = ArgoCdNames.DefaultNamespace)
{
    /// <summary>The CI/CD variable (or .env entry) holding the trigger token.</summary>
    public const string Variable = "E2E_TRIGGER_TOKEN";

    /// <summary>Must equal the chart's <c>e2eTrigger.tokenSecret.name</c> and <c>.key</c>; Verify checks they do.</summary>
    public const string SecretName = "e2e-trigger-token";

    public const string Key = "token";

    public async Task ApplyAsync(string token, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        secrets.Register(token);
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
}
