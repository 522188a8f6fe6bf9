using System.Net;
using System.Text.Json.Nodes;
using GitOps.Targets.Output;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace GitOps.Platform.ArgoCd;

public sealed partial class ApplicationTeardown
{
    /// <summary>
    /// Takes a stage's root Application out of the way before its parents are torn down, without touching them: its
    /// automated sync off and its finalizers cleared first (so neither the root's self-heal re-creates a parent being
    /// deleted, nor the root's own deletion cascades to the whole stage), then deleted and awaited. The other clouds'
    /// parents keep running, unmanaged, until DeployAppOfApps applies the root again. Nothing to do when it is gone.
    /// </summary>
    /// <param name="root">The root Application's name (<c>root-&lt;stage&gt;</c>).</param>
    /// <param name="timeout">How long its deletion may take.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public async Task ReleaseRootAsync(string root, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        if (!(await ListAsync(cancellationToken)).TryGetValue(root, out var application))
        {
            log.Info($"Root Application '{root}' is already gone.");
            return;
        }

        await MergePatchAsync(root, new JsonObject
        {
            ["metadata"] = new JsonObject { ["finalizers"] = new JsonArray() },
            ["spec"] = new JsonObject { ["syncPolicy"] = new JsonObject { ["automated"] = null } },
        }, cancellationToken);
        log.Info($"Turned off automated sync and the finalizers of root '{root}', so deleting it leaves the stage's parents in place.");
        if (application.OperationInProgress)
        {
            await TerminateOperationAsync(application, timeout, cancellationToken);
        }

        try
        {
            await kubernetes.CustomObjects.DeleteNamespacedCustomObjectAsync(ArgoCdNames.Group, ArgoCdNames.Version, @namespace,
                ArgoCdNames.Applications, root, new V1DeleteOptions(), cancellationToken: cancellationToken);
            log.Info($"Deleting root '{root}' (no cascade).");
        }
        catch (HttpOperationException error) when (error.Response?.StatusCode == HttpStatusCode.NotFound)
        {
            log.Info($"Root '{root}' was already gone.");
        }

        await WaitUntilGoneAsync(applications => applications.TryGetValue(root, out var left) ? [left] : [], timeout, cancellationToken);
    }
}
