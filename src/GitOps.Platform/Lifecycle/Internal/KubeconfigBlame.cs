using GitOps.Platform.ArgoCd;

namespace GitOps.Platform.Lifecycle.Internal;

/// <summary>A refused credential is named by the kubeconfig it came from, so the user knows which one to refresh.</summary>
internal static class KubeconfigBlame
{
    public static async Task<T> NamingAsync<T>(string kubeconfig, Func<Task<T>> operation)
    {
        try
        {
            return await operation();
        }
        catch (KubernetesAccessDeniedException denied)
        {
            throw denied.WithKubeconfig(kubeconfig);
        }
    }

    public static Task NamingAsync(string kubeconfig, Func<Task> operation) => NamingAsync(kubeconfig, async () =>
    {
        await operation();
        return true;
    });
}
