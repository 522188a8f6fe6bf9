using System.Net;
using GitOps.Targets.Output;
using k8s;
using k8s.Autorest;

namespace GitOps.Platform.ArgoCd.Internal;

/// <summary>
/// A list-then-watch view of the Applications in one namespace, kept current by watch events (never by polling).
/// When a watch stream ends or the connection drops it resumes from the last resourceVersion seen; when the server
/// says that version is gone (410) it lists again. Only what can pass is retried: network errors, 5xx and 429;
/// 401/403 fail at once with <see cref="KubernetesAccessDeniedException"/>, any other refusal with
/// <see cref="ArgoCdException"/>. Stops when the observer is satisfied; observer exceptions propagate.
/// </summary>
internal sealed class ApplicationWatch(IKubernetes kubernetes, string @namespace, ILog log)
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan LastBackoff = TimeSpan.FromSeconds(2);

    /// <summary>How long the server keeps one watch open before we re-watch (real API servers cap this too).</summary>
    public int WatchTimeoutSeconds { get; init; } = 300;

    public async Task RunUntilAsync(Func<IReadOnlyDictionary<string, ArgoApplication>, bool> isDone, CancellationToken cancellationToken)
    {
        var applications = new Dictionary<string, ArgoApplication>(StringComparer.Ordinal);
        var version = await RelistAsync(applications, cancellationToken);
        if (isDone(applications))
        {
            return;
        }

        var backoff = FirstBackoff;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (end, lastVersion) = await WatchOnceAsync(applications, version, isDone, cancellationToken);
            version = lastVersion;
            switch (end)
            {
                case WatchEnd.Satisfied:
                    return;
                case WatchEnd.Expired:
                    log.Debug($"Watch of Applications in '{@namespace}' expired (410 Gone); listing again.");
                    version = await RelistAsync(applications, cancellationToken);
                    if (isDone(applications))
                    {
                        return;
                    }

                    break;
                case WatchEnd.Broken:
                    log.Debug($"Watch of Applications in '{@namespace}' dropped; resuming from resourceVersion {version}.");
                    await Task.Delay(backoff, cancellationToken);
                    backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, LastBackoff.Ticks));
                    break;
                default:
                    backoff = FirstBackoff;
                    break;
            }
        }
    }

    private async Task<string> RelistAsync(Dictionary<string, ArgoApplication> applications, CancellationToken cancellationToken)
    {
        object listed;
        try
        {
            listed = await kubernetes.CustomObjects.ListNamespacedCustomObjectAsync(
                ArgoCdNames.Group, ArgoCdNames.Version, @namespace, ArgoCdNames.Applications, cancellationToken: cancellationToken);
        }
        catch (HttpOperationException error) when (error.Response?.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new KubernetesAccessDeniedException((int)error.Response.StatusCode, $"Listing Argo CD Applications in namespace '{@namespace}'");
        }

        var list = JsonElementReading.AsJson(listed);
        applications.Clear();
        foreach (var application in list.Child("items").Items().Select(ArgoApplication.Parse))
        {
            applications[application.Name] = application;
        }

        return list.Child("metadata").Text("resourceVersion");
    }

    private async Task<(WatchEnd End, string Version)> WatchOnceAsync(
        Dictionary<string, ArgoApplication> applications,
        string version,
        Func<IReadOnlyDictionary<string, ArgoApplication>, bool> isDone,
        CancellationToken cancellationToken)
    {
        Exception? streamError = null;
        try
        {
            var events = kubernetes.CustomObjects.WatchListNamespacedCustomObjectAsync(
                ArgoCdNames.Group, ArgoCdNames.Version, @namespace, ArgoCdNames.Applications,
                allowWatchBookmarks: true, resourceVersion: version, timeoutSeconds: WatchTimeoutSeconds,
                onError: error => streamError ??= error, cancellationToken: cancellationToken);
            await foreach (var (type, item) in events)
            {
                var resource = JsonElementReading.AsJson(item);
                version = resource.Child("metadata").Text("resourceVersion", version);
                if (type == WatchEventType.Bookmark)
                {
                    continue;
                }

                var application = ArgoApplication.Parse(resource);
                if (type == WatchEventType.Deleted)
                {
                    applications.Remove(application.Name);
                }
                else
                {
                    applications[application.Name] = application;
                }

                if (isDone(applications))
                {
                    return (WatchEnd.Satisfied, version);
                }
            }
        }
        catch (HttpOperationException error) when (error.Response is { } response)
        {
            return (Classify((int)response.StatusCode, response.ReasonPhrase), version);
        }
        catch (Exception error) when (error is HttpRequestException or IOException or HttpOperationException)
        {
            log.Debug($"Watch of Applications in '{@namespace}' failed: {error.Message}");
            return (WatchEnd.Broken, version);
        }

        return streamError switch
        {
            null => (WatchEnd.Ended, version),
            KubernetesException { Status.Code: { } code } failure => (Classify(code, failure.Status.Reason), version),
            _ => (WatchEnd.Broken, version),
        };
    }

    /// <summary>What a refused watch means: expired history (list again), worth retrying, or final.</summary>
    private WatchEnd Classify(int statusCode, string? reason)
    {
        var operation = $"Watching Argo CD Applications in namespace '{@namespace}'";
        if (statusCode is 401 or 403)
        {
            throw new KubernetesAccessDeniedException(statusCode, operation);
        }

        if (statusCode == 410)
        {
            return WatchEnd.Expired;
        }

        if (statusCode is 429 or >= 500)
        {
            log.Debug($"{operation}: HTTP {statusCode} {reason}; retrying.");
            return WatchEnd.Broken;
        }

        throw new ArgoCdException($"{operation} was refused: HTTP {statusCode} {reason}".TrimEnd());
    }

    private enum WatchEnd
    {
        Ended,
        Broken,
        Expired,
        Satisfied,
    }
}
