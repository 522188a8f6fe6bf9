using GitOps.Targets.Output;

namespace GitOps.Platform.ArgoCd.Internal;

/// <summary>
/// Judges each new view of the Applications while a deploy waits: prints a status line when an application's status
/// changes, fails fast on a Degraded transition, a failed sync or a child that cannot get ready by itself any more
/// (<see cref="ArgoApplication.Failure"/>, as the Application health check in argocd-cm judges it), and says when the
/// whole family is ready. A child's failure is reported in the child's own words, not the parent's summary of it.
/// </summary>
internal sealed class AppOfAppsProgress(string parentName, ILog log)
{
    private readonly Dictionary<string, string> lastLines = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> lastHealth = new(StringComparer.Ordinal);

    // Failures already on record when we started may belong to an earlier revision that the parent's sync is about to
    // replace; they count once the parent has no operation left that could change the child, or once they change.
    private readonly Dictionary<string, string> staleFailures = new(StringComparer.Ordinal);
    private bool initial = true;

    public IReadOnlyDictionary<string, string> NotReady { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyList<ArgoApplication> Members { get; private set; } = [];

    public bool Observe(IReadOnlyDictionary<string, ArgoApplication> applications)
    {
        var family = ApplicationFamily.Of(parentName, applications);
        Members = [.. family.Members];
        foreach (var application in Members)
        {
            Report(application);
        }

        var notReady = Members.Where(application => !application.IsReady)
            .ToDictionary(application => application.Name, application => application.NotReadyReason, StringComparer.Ordinal);
        foreach (var name in family.Missing)
        {
            notReady[name] = "listed by its parent but not created yet";
        }

        if (family.Parent is null)
        {
            notReady[parentName] = "does not exist";
        }

        NotReady = notReady;
        var parentBusy = family.Parent is { } parent && (parent.OperationInProgress || parent.OperationPhase == "Running");
        foreach (var child in family.Children)
        {
            FailFastOnFailure(child, parentBusy);
            FailFastOnDegraded(child);
        }

        if (family.Parent is { } self)
        {
            FailFastOnParent(self, family.Children);
            FailFastOnDegraded(self);
        }

        foreach (var application in Members)
        {
            lastHealth[application.Name] = application.HealthStatus;
        }

        initial = false;
        return notReady.Count == 0;
    }

    private void Report(ArgoApplication application)
    {
        var line = application.StatusLine;
        if (!lastLines.TryGetValue(application.Name, out var previous) || previous != line)
        {
            lastLines[application.Name] = line;
            log.Info($"[argocd] {line}");
        }
    }

    private void FailFastOnFailure(ArgoApplication child, bool parentBusy)
    {
        if (child.Failure is not { } failure)
        {
            return;
        }

        var identity = $"{failure.What}\n{failure.Message}\n{child.OperationStartedAt}";
        if (initial)
        {
            staleFailures[child.Name] = identity;
        }

        if (!parentBusy || !(staleFailures.TryGetValue(child.Name, out var stale) && stale == identity))
        {
            throw new ApplicationFailedException(child.Name, failure.What, failure.Resource, failure.Message);
        }
    }

    private void FailFastOnParent(ArgoApplication parent, IReadOnlyList<ArgoApplication> children)
    {
        if (!parent.SyncFailed && parent.Failure is null)
        {
            return;
        }

        // The parent's own message only says a task failed; the child that made it fail says why.
        if (children.FirstOrDefault(child => child.Failure is not null) is { Failure: { } failure } failed)
        {
            throw new ApplicationFailedException(failed.Name, failure.What, failure.Resource, failure.Message);
        }

        var notReady = NotReady.Where(entry => entry.Key != parent.Name).Select(entry => $"{entry.Key} ({entry.Value})").ToList();
        var context = notReady.Count == 0 ? null : "not ready: " + string.Join("; ", notReady);
        if (parent.SyncFailed)
        {
            var resource = parent.FailedSyncResource;
            throw new ApplicationFailedException(parent.Name, $"sync {parent.OperationPhase}", resource,
                resource?.Message is { Length: > 0 } detail ? $"{parent.OperationMessage} ({detail})".TrimStart() : parent.OperationMessage, context);
        }

        var own = parent.Failure!;
        throw new ApplicationFailedException(parent.Name, own.What, own.Resource, own.Message, context);
    }

    // As `argocd app wait` does: only a change into Degraded from a known, non-Degraded health fails fast;
    // an application already Degraded when we start may still recover with this sync.
    private void FailFastOnDegraded(ArgoApplication application)
    {
        if (application.HealthStatus == "Degraded" && lastHealth.TryGetValue(application.Name, out var before)
            && before is not ("" or "Unknown" or "Degraded"))
        {
            var resource = application.DegradedResource;
            throw new ApplicationFailedException(application.Name, $"went Degraded (was {before})", resource,
                resource?.Message is { Length: > 0 } detail ? detail : application.HealthMessage);
        }
    }
}
