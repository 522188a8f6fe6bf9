using System.Text.Json.Nodes;

namespace GitOps.Platform.ArgoCd;

/// <summary>
/// A client-go credential plugin Argo CD runs for each connection (no long-lived token in the Secret).
/// The plugin must exist in the Argo CD image: gke-gcloud-auth-plugin has to be added to it; Argo CD's own
/// <c>argocd-k8s-auth gcp</c> ships with it and is the alternative.
/// </summary>
public sealed class ExecProviderAuth(string command, IReadOnlyList<string> arguments, string apiVersion = "client.authentication.k8s.io/v1beta1")
    : ClusterAuth
{
    public static ExecProviderAuth GkeGcloudAuthPlugin { get; } = new("gke-gcloud-auth-plugin", []);

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
