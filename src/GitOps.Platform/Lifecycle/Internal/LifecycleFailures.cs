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
    /// <param name="operation">The lifecycle step.</param>
    /// <param name="cancellationToken">The caller's token: a cancellation it did not ask for is a request that timed out.</param>
    public static async Task<T> TranslateAsync<T>(Func<Task<T>> operation, CancellationToken cancellationToken = default)
    {
        try
        {
            return await operation();
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The Kubernetes client cancels a request that outlives its timeout (LifecycleContext.ClusterRequestTimeout).
            throw new BuildFailedException("A request to the cluster's API server got no answer within --timeout; check that the server is up and reachable, or give a longer --timeout");
        }
        catch (Exception error) when (Translate(error) is { } translated)
        {
            throw translated;
        }
    }

    public static Task TranslateAsync(Func<Task> operation, CancellationToken cancellationToken = default) => TranslateAsync(
        async () =>
        {
            await operation();
            return true;
        },
        cancellationToken);

    private static Exception? Translate(Exception error) => error switch
    {
        CloudConfigurationException or KubeconfigException or ManagementClusterInUseException or CatalogException => new UsageException(error.Message),
        ArgoCdException or GoogleAuthException or TerraformStateLockedException or ClusterNotProvisionedException or HelmException
            => new BuildFailedException(error.Message),
        HttpOperationException http => new BuildFailedException(
            $"The management cluster's API server refused a request: HTTP {(int?)http.Response?.StatusCode} {http.Response?.ReasonPhrase}".TrimEnd()),
        HttpRequestException => new BuildFailedException($"Cannot reach the management cluster's API server: {error.Message}"),
        _ => null,
    };
}
