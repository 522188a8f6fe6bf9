using System.Net;
using System.Text.Json.Nodes;
using GitOps.Platform.ArgoCd.Internal;
using GitOps.Targets.Output;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace GitOps.Platform.ArgoCd;

/// <summary>
/// Removes a stage's app-of-apps in the order that leaves nothing behind: automated sync off on the parent (or it
/// re-creates what we delete), a sync still running on the parent terminated (it would re-create children, #3195),
/// the resources finalizer on every child, children deleted wave by wave from the highest sync wave down, each wave
/// watched until gone, then the parent; and only when no Application at all deploys to the cluster any more, the
/// cluster Secret. Anything that does not go in time stops the teardown with <see cref="StuckApplicationsException"/>,
/// and nothing after that step is deleted.
/// </summary>
public sealed partial class ApplicationTeardown(IKubernetes kubernetes, ILog log, string @namespace = ArgoCdNames.DefaultNamespace)
{
    /// <param name="parent">The parent Application's name (<see cref="AppOfAppsManifest.Name"/>).</param>
    /// <param name="clusterName">The environment cluster to unregister last, or null to keep the Secret.</param>
    /// <param name="timeout">How long each deletion wave may take before it counts as stuck.</param>
    /// <param name="cancellationToken">Stops waiting; what was already deleted stays deleted.</param>
    public async Task TeardownAsync(string parent, string? clusterName, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(parent);
        var family = ApplicationFamily.Of(parent, await ListAsync(cancellationToken));
        RefuseOrphaningDeletions(family.Children);
        if (family.Parent is { AutomatedSync: true })
        {
            await MergePatchAsync(parent, new JsonObject { ["spec"] = new JsonObject { ["syncPolicy"] = new JsonObject { ["automated"] = null } } }, cancellationToken);
            log.Info($"Turned off automated sync of '{parent}' so Argo CD does not re-create what is deleted.");
        }

        if (family.Parent is { OperationInProgress: true } syncing)
        {
            await TerminateOperationAsync(syncing, timeout, cancellationToken);
            family = ApplicationFamily.Of(parent, await ListAsync(cancellationToken));
            RefuseOrphaningDeletions(family.Children);
        }

        var children = family.Children.Select(child => child.Name).ToList();
        foreach (var wave in family.Children.GroupBy(child => child.SyncWave).OrderByDescending(wave => wave.Key))
        {
            log.Info($"Deleting sync wave {wave.Key}: {string.Join(", ", wave.Select(child => child.Name))}.");
            foreach (var child in wave)
            {
                await DeleteWithCascadeAsync(child, cancellationToken);
            }

            var names = wave.Select(child => child.Name).ToHashSet(StringComparer.Ordinal);
            await WaitUntilGoneAsync(applications => [.. names.Where(applications.ContainsKey).Select(name => applications[name])], timeout, cancellationToken);
        }

        await WaitUntilGoneAsync(applications => Remaining(parent, children, includeParent: false, applications), timeout, cancellationToken);
        if (family.Parent is { } parentApplication)
        {
            await DeleteWithCascadeAsync(parentApplication, cancellationToken);
            await WaitUntilGoneAsync(applications => Remaining(parent, children, includeParent: true, applications), timeout, cancellationToken);
        }

        if (clusterName is not null)
        {
            await EnsureNothingTargetsAsync(clusterName, cancellationToken);
            await new ClusterRegistration(kubernetes, log, null, @namespace).RemoveAsync(clusterName, cancellationToken);
        }

        log.Success($"Argo CD applications of '{parent}' are gone ({children.Count} child application(s)).");
    }

    private async Task DeleteWithCascadeAsync(ArgoApplication application, CancellationToken cancellationToken)
    {
        if (application.IsDeleting)
        {
            log.Info($"'{application.Name}' is already being deleted.");
            return;
        }

        // Without the finalizer Argo CD deletes only the Application and orphans what it deployed (#3353).
        if (!application.Finalizers.Contains(ArgoCdNames.ResourcesFinalizer))
        {
            var finalizers = new JsonArray([.. application.Finalizers.Append(ArgoCdNames.ResourcesFinalizer).Select(name => (JsonNode)name)]);
            await MergePatchAsync(application.Name, new JsonObject { ["metadata"] = new JsonObject { ["finalizers"] = finalizers } }, cancellationToken);
        }

        try
        {
            await kubernetes.CustomObjects.DeleteNamespacedCustomObjectAsync(ArgoCdNames.Group, ArgoCdNames.Version, @namespace,
                ArgoCdNames.Applications, application.Name, new V1DeleteOptions { PropagationPolicy = "Foreground" },
                propagationPolicy: "Foreground", cancellationToken: cancellationToken);
            log.Info($"Deleting '{application.Name}' (cascade).");
        }
        catch (HttpOperationException error) when (error.Response?.StatusCode == HttpStatusCode.NotFound)
        {
            log.Info($"'{application.Name}' was already gone.");
        }
    }

    private static List<ArgoApplication> Remaining(string parent, List<string> children, bool includeParent, IReadOnlyDictionary<string, ArgoApplication> applications)
    {
        var family = ApplicationFamily.Of(parent, applications);
        var remaining = family.Children.UnionBy(children.Where(applications.ContainsKey).Select(name => applications[name]), application => application.Name);
        return [.. includeParent && family.Parent is not null ? remaining.Append(family.Parent) : remaining];
    }

    private async Task WaitUntilGoneAsync(
        Func<IReadOnlyDictionary<string, ArgoApplication>, List<ArgoApplication>> remaining, TimeSpan timeout, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, ArgoApplication> last = new Dictionary<string, ArgoApplication>();
        bool Gone(IReadOnlyDictionary<string, ArgoApplication> applications)
        {
            last = applications;
            return remaining(applications).Count == 0;
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await new ApplicationWatch(kubernetes, @namespace, log).RunUntilAsync(Gone, deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new StuckApplicationsException(timeout, [.. remaining(last).Select(StuckApplication.From)]);
        }
    }

    private async Task<Dictionary<string, ArgoApplication>> ListAsync(CancellationToken cancellationToken)
    {
        var list = JsonElementReading.AsJson(await kubernetes.CustomObjects.ListNamespacedCustomObjectAsync(
            ArgoCdNames.Group, ArgoCdNames.Version, @namespace, ArgoCdNames.Applications, cancellationToken: cancellationToken));
        return list.Child("items").Items().Select(ArgoApplication.Parse).ToDictionary(application => application.Name, StringComparer.Ordinal);
    }

    private Task<object> MergePatchAsync(string name, JsonObject patch, CancellationToken cancellationToken) =>
        ApiFailure.Explain($"Patching Application '{name}'", () => kubernetes.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch),
            ArgoCdNames.Group, ArgoCdNames.Version, @namespace, ArgoCdNames.Applications, name, cancellationToken: cancellationToken));
}
