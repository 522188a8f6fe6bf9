using GitOps.Targets.Output;

namespace GitOps.Platform.ArgoCd.Internal;

/// <summary>
/// Judges each new view of the Applications while a deploy waits: prints a status line when an application's status
/// changes, fails fast on a Degraded transition or a failed sync, and says when the whole family is ready.
/// </summary>
internal sealed class AppOfAppsProgress(string parentName, ILog log)
{
    private readonly Dictionary<string, string> lastLines = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> lastHealth = new(StringComparer.Ordinal);

    // Failed operations already on record when we started belong to an earlier run; only new ones fail this deploy.
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
            FailFast(application);
            lastHealth[application.Name] = application.HealthStatus;
        }

        initial = false;
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

    private void FailFast(ArgoApplication application)
    {
        if (application.SyncFailed)
        {
            if (initial && application.Name != parentName)
            {
                staleFailures[application.Name] = application.OperationStartedAt;
            }
            else if (!(staleFailures.TryGetValue(application.Name, out var stale) && stale == application.OperationStartedAt))
            {
                var resource = application.FailedSyncResource;
                throw new ApplicationFailedException(application.Name, $"sync {application.OperationPhase}", resource,
                    resource?.Message is { Length: > 0 } detail ? $"{application.OperationMessage} ({detail})".TrimStart() : application.OperationMessage);
            }
        }

        // As `argocd app wait` does: only a change into Degraded from a known, non-Degraded health fails fast;
        // an application already Degraded when we start may still recover with this sync.
        if (application.HealthStatus == "Degraded" && lastHealth.TryGetValue(application.Name, out var before)
            && before is not ("" or "Unknown" or "Degraded"))
        {
            var resource = application.DegradedResource;
            throw new ApplicationFailedException(application.Name, $"went Degraded (was {before})", resource,
                resource?.Message is { Length: > 0 } detail ? detail : application.HealthMessage);
        }
    }
}
