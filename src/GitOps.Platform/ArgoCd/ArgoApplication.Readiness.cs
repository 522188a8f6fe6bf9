namespace GitOps.Platform.ArgoCd;

public sealed partial record ArgoApplication
{
    public bool RefreshPending => Annotations.ContainsKey(ArgoCdNames.RefreshAnnotation);

    /// <summary>
    /// The operation check of <c>argocd app wait --operation</c>: a requested operation not yet finished, one still
    /// running, or one that finished after the last reconcile (the controller has not looked at the result yet).
    /// </summary>
    public bool OperationInProgress =>
        OperationRequested
        || (OperationPhase.Length > 0 && (OperationFinishedAt is null || ReconciledAt is null || ReconciledAt < OperationFinishedAt));

    /// <summary>
    /// Synced and Healthy with no operation in progress (what <c>argocd app wait --sync --health --operation</c> waits
    /// for), and about the source(s) the spec asks for now: right after a new revision is set, the status still
    /// describes the old one until the controller compares again. The Lua health check in argocd-values.yaml agrees.
    /// </summary>
    public bool IsReady =>
        SyncStatus == "Synced" && HealthStatus == "Healthy" && !OperationInProgress && OperationPhase != "Running"
        && ComparedToTarget && !RefreshPending && !IsDeleting;

    /// <summary>The last operation finished as Failed or Error and no new one is requested.</summary>
    public bool SyncFailed => !OperationRequested && OperationPhase is "Failed" or "Error";

    /// <summary>
    /// Why this Application reads Degraded to its parent although its own health does not say so; null while it can
    /// still get ready by itself. The C# twin of the Lua health check in argocd-values.yaml (same order, same states):
    /// an InvalidSpecError (the controller stops comparing, so comparedTo stays old), and, once the status is about the
    /// current spec, a ComparisonError or a sync of the current source(s) that ended Failed/Error with nothing running
    /// (retries ran out; automated sync does not try that source again) while not Synced. Anything running counts as
    /// progress, and so does a failed sync of older source(s): automated sync tries the current ones next.
    /// </summary>
    public ApplicationFailure? Failure
    {
        get
        {
            if (HealthStatus.Length == 0 || HealthStatus == "Degraded" || OperationRequested || OperationPhase == "Running")
            {
                return null;
            }

            if (Condition("InvalidSpecError") is { } refused)
            {
                return new ApplicationFailure("has a spec Argo CD refuses (InvalidSpecError)", refused.Message);
            }

            if (!ComparedToTarget)
            {
                return null;
            }

            if (Condition("ComparisonError") is { } unrendered)
            {
                return new ApplicationFailure("cannot be rendered (ComparisonError)", unrendered.Message);
            }

            if (SyncStatus != "Synced" && OperationPhase is ("Failed" or "Error") && OperationForTarget)
            {
                var resource = FailedSyncResource;
                return new ApplicationFailure($"sync {OperationPhase}", resource?.Message is { Length: > 0 } detail && !OperationMessage.Contains(detail, StringComparison.Ordinal)
                    ? $"{OperationMessage} ({detail})".TrimStart() : OperationMessage, resource);
            }

            return null;
        }
    }

    private ArgoCondition? Condition(string type) => Conditions.FirstOrDefault(condition => condition.Type == type);

    /// <summary>The resource Argo CD blames for Degraded health, if it names one.</summary>
    public ArgoResourceStatus? DegradedResource => Resources.FirstOrDefault(resource => resource.Health == "Degraded");

    /// <summary>The resource whose apply failed in the last operation, if Argo CD names one.</summary>
    public ArgoResourceStatus? FailedSyncResource =>
        SyncResultResources.FirstOrDefault(resource => resource.Status is "SyncFailed" or "Failed" or "Error");

    /// <summary>One line for the live status display: <c>name  Synced/Healthy</c> plus what is still going on.</summary>
    public string StatusLine
    {
        get
        {
            var line = $"{Name}: {Or(SyncStatus, "Unknown")}/{Or(HealthStatus, "Unknown")}";
            if (OperationInProgress)
            {
                line += $", operation {Or(OperationRequested && OperationPhase != "Running" ? "Requested" : OperationPhase, "Requested")}";
            }

            return IsDeleting ? line + ", deleting" : line;
        }
    }

    /// <summary>Why the application is not ready yet, in Argo CD's own words where it has any.</summary>
    public string NotReadyReason
    {
        get
        {
            var reasons = new List<string> { $"{Or(SyncStatus, "Unknown")}/{Or(HealthStatus, "Unknown")}" };
            if (DegradedResource is { } degraded)
            {
                reasons.Add($"{degraded.Reference}: {degraded.Message}");
            }
            else if (HealthMessage.Length > 0)
            {
                reasons.Add(HealthMessage);
            }

            if (OperationInProgress)
            {
                reasons.Add(OperationMessage.Length > 0 ? $"operation {Or(OperationPhase, "Requested")}: {OperationMessage}" : $"operation {Or(OperationPhase, "Requested")}");
            }
            else if (SyncFailed)
            {
                reasons.Add($"last sync {OperationPhase}: {OperationMessage}");
            }

            if (RefreshPending)
            {
                reasons.Add("refresh pending");
            }

            if (SyncStatus == "Synced" && !ComparedToTarget)
            {
                reasons.Add("status is about another revision than the spec asks for");
            }

            reasons.AddRange(Conditions.Select(condition => condition.ToString()));
            return string.Join("; ", reasons);
        }
    }

    private static string Or(string value, string fallback) => value.Length > 0 ? value : fallback;
}
