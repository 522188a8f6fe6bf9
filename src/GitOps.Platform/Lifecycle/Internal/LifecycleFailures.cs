using GitOps.Platform.ArgoCd;
using GitOps.Platform.Clouds;
using GitOps.Platform.Clouds.Google;
using GitOps.Platform.Environments;
using GitOps.Platform.Helm;
using GitOps.Platform.Kubernetes;
using GitOps.Platform.Terraform;
using GitOps.Targets.Errors;
using k8s.Autorest;

namespace GitOps.Platform.Lifecycle.Internal;

/// <summary>
/// Turns the libraries' exceptions into the two the build reports as one line without a stack trace: refused
/// requests (exit 2) and failures (exit 1). Inner exceptions are dropped: an HTTP error's request may hold a secret.
/// </summary>
internal static class LifecycleFailures
{
    public static async Task<T> TranslateAsync<T>(Func<Task<T>> operation)
    {
        try
        {
            return await operation();
        }
        catch (Exception error) when (Translate(error) is { } translated)
        {
            throw translated;
        }
    }

    public static Task TranslateAsync(Func<Task> operation) => TranslateAsync(async () =>
    {
        await operation();
        return true;
    });

    private static Exception? Translate(Exception error) => error switch
    {
        CloudConfigurationException or KubeconfigException or ManagementClusterInUseException => new UsageException(error.Message),
        ArgoCdException or GoogleAuthException or TerraformStateLockedException or ClusterNotProvisionedException or HelmException or CatalogException
            => new BuildFailedException(error.Message),
        HttpOperationException http => new BuildFailedException(
            $"The management cluster's API server refused a request: HTTP {(int?)http.Response?.StatusCode} {http.Response?.ReasonPhrase}".TrimEnd()),
        HttpRequestException => new BuildFailedException($"Cannot reach the management cluster's API server: {error.Message}"),
        _ => null,
    };
}
