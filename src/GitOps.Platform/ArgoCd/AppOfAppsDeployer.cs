using System.Text.Json.Nodes;
using GitOps.Platform.ArgoCd.Internal;
using GitOps.Targets.Output;
using k8s;
using k8s.Models;

namespace GitOps.Platform.ArgoCd;

/// <summary>
/// Deploys a stage's app-of-apps through the management cluster's API: server-side apply of the parent Application,
/// a sync request and refresh, then a watch until the parent and all its children (see ApplicationFamily: the
/// instance label or tracking-id annotation naming the parent, or the parent's own resource list; nested parents
/// included) are Synced and Healthy with no operation in progress.
/// </summary>
public sealed class AppOfAppsDeployer(IKubernetes kubernetes, ILog log)
{
    public Task<AppOfAppsDeployment> DeployAsync(string manifestPath, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        DeployAsync(AppOfAppsManifest.Load(manifestPath), timeout, cancellationToken);

    /// <summary>Applies the manifest's AppProjects (the parent's and its children's), then the Application; requests a sync and waits.</summary>
    public async Task<AppOfAppsDeployment> DeployAsync(AppOfAppsManifest manifest, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        var configuration = new ArgoCdConfiguration(kubernetes, log, manifest.Namespace);
        foreach (var project in manifest.Projects.Count > 0 ? manifest.Projects : manifest.Project is { } named ? [named] : [])
        {
            await configuration.ApplyProjectManifestAsync(project, cancellationToken);
        }

        log.Info($"Applying Application '{manifest.Name}' from {manifest.File} (server-side apply, field manager {ArgoCdNames.FieldManager}).");
        var applied = ArgoApplication.Parse(JsonElementReading.AsJson(await ApiFailure.Explain($"Applying {manifest.File}", () =>
            kubernetes.CustomObjects.PatchNamespacedCustomObjectAsync(
                new V1Patch(manifest.Resource.ToJsonString(), V1Patch.PatchType.ApplyPatch), ArgoCdNames.Group, ArgoCdNames.Version,
                manifest.Namespace, ArgoCdNames.Applications, manifest.Name, fieldManager: ArgoCdNames.FieldManager, force: true,
                cancellationToken: cancellationToken))));

        await RequestSyncAsync(manifest, applied, cancellationToken);
        var applications = await WaitAsync(manifest.Name, manifest.Namespace, timeout, cancellationToken);
        log.Success($"Argo CD: '{manifest.Name}' and {applications.Count - 1} child application(s) are Synced and Healthy.");
        return new AppOfAppsDeployment(manifest.Name, applications);
    }

    /// <summary>Waits, by watch, until the parent and all its children are Synced and Healthy with no operation running.</summary>
    public async Task<IReadOnlyList<ArgoApplication>> WaitAsync(string parent, string @namespace, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var progress = new AppOfAppsProgress(parent, log);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await new ApplicationWatch(kubernetes, @namespace, log).RunUntilAsync(progress.Observe, deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ApplicationWaitTimeoutException(timeout, progress.NotReady);
        }

        return progress.Members;
    }

    private async Task RequestSyncAsync(AppOfAppsManifest manifest, ArgoApplication applied, CancellationToken cancellationToken)
    {
        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [ArgoCdNames.RefreshAnnotation] = "normal" } },
        };

        // A pending or running operation stays in .operation until it finishes; replacing it would abort that sync.
        if (applied.OperationRequested)
        {
            log.Warning($"A sync of '{manifest.Name}' is already in progress; waiting for it instead of starting another.");
        }
        else if (applied.NeedsSync)
        {
            patch["operation"] = manifest.SyncOperation(ArgoCdNames.FieldManager);
            log.Info($"Requested sync and refresh of '{manifest.Name}' ({Or(applied.SyncStatus, "never synced")}{(applied.SyncStatus == "Synced" ? " to another source" : string.Empty)}).");
        }
        else
        {
            // A sync would run the hooks again, and the PostSync one starts the e2e pipeline; automated sync picks up
            // anything the refresh finds.
            log.Info($"'{manifest.Name}' is already Synced to {string.Join(", ", applied.TargetSources.Select(source => source.Text("targetRevision", "HEAD")))}; requested a refresh only.");
        }

        await ApiFailure.Explain($"Requesting a sync of '{manifest.Name}'", () => kubernetes.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch), ArgoCdNames.Group, ArgoCdNames.Version,
            manifest.Namespace, ArgoCdNames.Applications, manifest.Name, cancellationToken: cancellationToken));
    }

    private static string Or(string value, string fallback) => value.Length > 0 ? value : fallback;
}
