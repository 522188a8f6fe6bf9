using k8s.KubeConfigModels;

namespace GitOps.Platform.Kubeconfig;

/// <summary>
/// Recognises a kubeconfig whose current user runs gke-gcloud-auth-plugin: what Terraform writes for GKE and what
/// <c>gcloud container clusters get-credentials</c> writes. The build never runs the plugin (it needs gcloud's own
/// login unless given <c>--use_application_default_credentials</c>, and is not installed in CI); it supplies the
/// same Google access token from application default credentials itself.
/// </summary>
internal static class GkeExecPlugin
{
    public const string Command = "gke-gcloud-auth-plugin";

    /// <summary>The current context's user when it authenticates with the plugin, else null.</summary>
    public static User? UserOf(K8SConfiguration kubeconfig, string? context = null)
    {
        ArgumentNullException.ThrowIfNull(kubeconfig);
        var contextName = context ?? kubeconfig.CurrentContext;
        var userName = kubeconfig.Contexts?.FirstOrDefault(candidate => candidate.Name == contextName)?.ContextDetails?.User;
        var user = kubeconfig.Users?.FirstOrDefault(candidate => candidate.Name == userName);
        var command = user?.UserCredentials?.ExternalExecution?.Command;
        return command is not null && string.Equals(Path.GetFileNameWithoutExtension(command), Command, StringComparison.OrdinalIgnoreCase)
            ? user
            : null;
    }
}
