using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using GitOps.Platform.ArgoCd.Internal;
using GitOps.Targets.Output;
using k8s;
using k8s.Autorest;

namespace GitOps.Platform.ArgoCd;

public sealed partial class ApplicationTeardown
{
    /// <summary>A child deleted without the resources finalizer leaves its resources on the cluster (#3353).</summary>
    private static void RefuseOrphaningDeletions(IEnumerable<ArgoApplication> children)
    {
        var orphaning = children.Where(child => child.IsDeleting && !child.CascadesDeletion).Select(StuckApplication.From).ToList();
        if (orphaning.Count > 0)
        {
            throw new OrphaningDeletionException(orphaning);
        }
    }

    /// <summary>
    /// What <c>argocd app terminate-op</c> does: the controller stops a sync whose phase is set to Terminating. Left
    /// running, the sync would apply the children again while they are deleted (#3195).
    /// </summary>
    private async Task TerminateOperationAsync(ArgoApplication parent, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (parent.OperationPhase is "Running" or "Terminating" || parent.OperationRequested)
        {
            await MergePatchAsync(parent.Name, new JsonObject
            {
                ["status"] = new JsonObject { ["operationState"] = new JsonObject { ["phase"] = "Terminating" } },
            }, cancellationToken);
            log.Warning($"A sync of '{parent.Name}' is in progress; terminating it before deleting its children.");
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        ArgoApplication current = parent;
        try
        {
            await new ApplicationWatch(kubernetes, @namespace, log).RunUntilAsync(
                applications => !applications.TryGetValue(parent.Name, out current!) || !current.OperationInProgress, deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new StuckApplicationsException(
                $"The sync of '{parent.Name}' did not stop within {timeout} ({current.NotReadyReason}); nothing was deleted and the cluster is NOT destroyed.");
        }
    }

    /// <summary>Every Application in the namespace, of any app-of-apps, whose destination is the cluster by name or server.</summary>
    private async Task EnsureNothingTargetsAsync(string clusterName, CancellationToken cancellationToken)
    {
        var server = await RegisteredServerAsync(clusterName, cancellationToken);
        var targeting = (await ListAsync(cancellationToken)).Values
            .Where(application => application.DestinationName == clusterName || (server is not null && application.DestinationServer == server))
            .Select(application => application.Name)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (targeting.Count > 0)
        {
            throw new ClusterStillTargetedException(clusterName, targeting);
        }
    }

    private async Task<string?> RegisteredServerAsync(string clusterName, CancellationToken cancellationToken)
    {
        try
        {
            var secret = await kubernetes.CoreV1.ReadNamespacedSecretAsync(ClusterRegistration.SecretNameFor(clusterName), @namespace, cancellationToken: cancellationToken);
            return secret.Data is not null && secret.Data.TryGetValue("server", out var server) ? Encoding.UTF8.GetString(server) : null;
        }
        catch (HttpOperationException error) when (error.Response?.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}
