using System.Text.Json.Nodes;

namespace GitOps.Platform.ArgoCd;

/// <summary>
/// A client-go credential plugin Argo CD runs for each connection (no long-lived token in the Secret). The plugin
/// must exist in the Argo CD image: <see cref="ArgoCdGcp"/> ships with it, gke-gcloud-auth-plugin does not.
/// </summary>
public sealed class ExecProviderAuth(string command, IReadOnlyList<string> arguments, string apiVersion = "client.authentication.k8s.io/v1beta1")
    : ClusterAuth
{
    /// <summary>
    /// GKE through Argo CD's own <c>argocd-k8s-auth gcp</c>: a Google access token from the application default
    /// credentials of the pod, i.e. the Google service account its Kubernetes service account is bound to by GKE
    /// Workload Identity (controller and server both connect to clusters, so both carry the binding).
    /// </summary>
    public static ExecProviderAuth ArgoCdGcp { get; } = new("argocd-k8s-auth", ["gcp"]);

    public string Command { get; } = command;

    public IReadOnlyList<string> Arguments { get; } = arguments;

    public string ApiVersion { get; } = apiVersion;

    internal override IEnumerable<string> Secrets => [];

    internal override void WriteTo(JsonObject config) => config["execProviderConfig"] = new JsonObject
    {
        ["command"] = Command,
        ["args"] = new JsonArray([.. Arguments.Select(argument => (JsonNode)argument)]),
        ["apiVersion"] = ApiVersion,
    };

    public override string ToString() => $"exec {Command}";
}
